"""The ``<session-lab>`` markup both integrations write, and the example model they share.

An example becomes::

    <session-lab rows="1000" views="output,sql" theme="auto">
      <div data-role="setup"><script type="text/x-python">…</script>HIGHLIGHTED</div>
      <div data-strategy="Iterate"><script type="text/x-python">…</script>HIGHLIGHTED</div>
      <div class="session-lab-static">…output and SQL log…</div><!-- /session-lab-static -->
    </session-lab>

HIGHLIGHTED is the docs tool's own highlighted block (Pygments through Sphinx, or whatever the
MkDocs site configured): the element shows it until the reader edits, and readers without
JavaScript see it with the static output. The script holds the exact source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

#: The element's result views (``views`` attribute).
VIEWS = ("output", "sql", "tables", "session")
#: The element's themes (``theme`` attribute).
THEMES = ("light", "dark", "auto")
#: The element's engines (``engine`` attribute): SessionLab's, real SQLAlchemy in Pyodide, or
#: SessionLab's falling back on real SQLAlchemy for what it does not implement yet.
ENGINES = ("fast", "sqlalchemy", "auto")
#: Boolean attributes of the element.
FLAGS = ("readonly", "autorun")
#: Valued attributes of the element, in the order they are written.
VALUED = ("rows", "views", "height", "theme", "engine", "playground")


def parse_views(text: str) -> str:
    """A ``views`` value (comma or space separated), validated; raises ValueError."""
    views = [v for v in text.replace(",", " ").split() if v]
    unknown = [v for v in views if v not in VIEWS]
    if unknown or not views:
        raise ValueError(f"views must be some of {', '.join(VIEWS)} (got {text!r})")
    return ",".join(views)


def parse_engine(text: str) -> str:
    """An ``engine`` value, validated; raises ValueError."""
    if text not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)} (got {text!r})")
    return text


def parse_theme(text: str) -> str:
    """A ``theme`` value, validated; raises ValueError."""
    if text not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)} (got {text!r})")
    return text


@dataclass
class Example:
    """One example: an optional setup and named strategies, with the element's options."""

    setup: str | None
    strategies: list[tuple[str, str]]
    options: dict = field(default_factory=dict)
    #: Source line (1-based) of the first code line of the setup (key "") and each strategy.
    lines: dict = field(default_factory=dict)
    #: The example is meant to raise: the build neither warns nor fails on it.
    raises: bool = False

    @property
    def rows(self) -> int:
        """N for the setup."""
        return int(self.options.get("rows", 1000))


def element_start(options: dict, theme: str | None = None) -> str:
    """The opening tag with the element's attributes (``theme`` when the author set none)."""
    attrs = [" data-fixed-theme"] if options.get("theme") else []
    for name in VALUED:
        value = options.get(name)
        if name == "theme" and value is None:
            value = theme
        if value is not None:
            attrs.append(f' {name}="{escape(str(value))}"')
    attrs.extend(f" {name}" for name in FLAGS if options.get(name))
    return f"<session-lab{''.join(attrs)}>"


ELEMENT_END = "</session-lab>"


def source_script(source: str) -> str:
    """The exact source in a non-executed script (skipped if the text would end the script)."""
    if "</script" in source.lower():
        return ""  # the element then reads the highlighted block's text
    return f'<script type="text/x-python">\n{source}</script>'


def part_start(role: str, name: str | None, source: str) -> str:
    """Opens one part (setup or a strategy) and writes its source."""
    if role == "setup":
        opening = '<div data-role="setup">'
    else:
        opening = f'<div data-strategy="{escape(name or "Script")}">'
    return opening + source_script(source)


PART_END = "</div>"


def failure_text(example: Example, failure) -> tuple[str, int | None]:
    """The warning for a strategy that raised, and the source line it points at."""
    key = "" if failure.phase == "setup" else failure.name
    first = example.lines.get(key)
    line = first + failure.line - 1 if first is not None and failure.line else first
    where = "the setup" if failure.phase == "setup" else f"strategy {failure.name!r}"
    if len(example.strategies) > 1 and failure.phase == "setup":
        where += f" (before strategy {failure.name!r})"
    hint = (
        "SessionLab does not implement this yet; mark the example as raising to keep it"
        if failure.needs_real_engine
        else "mark the example as raising if that is meant"
    )
    message = (
        f"sessionlab example raised {failure.type}: {failure.message} in {where}"
        f"{f', line {failure.line}' if failure.line else ''} ({hint})"
    )
    return message, line
