"""SessionLab for Sphinx: ``extensions = ["sessionlab.sphinx"]``.

.. code-block:: rst

    .. sessionlab::
       :rows: 1000
       :views: output,sql

       from sqlalchemy import create_engine
       …the setup: creates and fills the tables (reads N)…

       .. strategy:: Iterate

          for obj in session.query(Stuff):
              obj.foo += 1

       .. strategy:: Query.update

          session.query(Stuff).update({Stuff.foo: Stuff.foo + 1})

A body without ``.. strategy::`` blocks is one script. Options: ``:rows:``, ``:views:``,
``:readonly:``, ``:autorun:``, ``:height:``, ``:theme:``, ``:engine:``, ``:playground:`` (the element's
attributes) and ``:raises:`` (the example is meant to raise: no warning). Config values:
``sessionlab_code_blocks`` (``True``: every ``code-block:: python`` is runnable; ``"class"``:
those with ``:class: sessionlab``; a block with ``:class: no-sessionlab`` never is),
``sessionlab_static`` (run the examples at build time, default ``True``), ``sessionlab_node``
(the Node executable), ``sessionlab_theme`` (``light``/``dark``/``auto``; by default the
theme's: Furo's and pydata-sphinx-theme's toggles are followed, other themes are light).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.fileutil import copy_asset

from . import __version__
from ._html import (
    ELEMENT_END,
    PART_END,
    Example,
    element_start,
    failure_text,
    parse_engine,
    parse_theme,
    parse_views,
    part_start,
)
from ._render import Renderer, assets_dir, find_node

logger = logging.getLogger(__name__)

#: The languages a runnable code block may name.
PYTHON = {"python", "py", "python3", "py3"}
#: Themes whose light/dark toggle docs.js follows; others are light-only.
TOGGLING_THEMES = {"furo", "pydata_sphinx_theme", "sphinx_book_theme"}
STRATEGY = re.compile(r"^\.\.\s+strategy::\s*(.*?)\s*$")


class sessionlab_example(nodes.General, nodes.Element):
    """A ``<session-lab>`` element; its children are ``sessionlab_part`` nodes."""


class sessionlab_part(nodes.General, nodes.Element):
    """The setup or one strategy; its child is the highlighted ``literal_block``."""


def _code(lines: list[str], first: int) -> tuple[str, int]:
    """Lines without the blank ones around them, dedented; and the first kept line's number."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    kept = lines[start:end]
    indent = min((len(ln) - len(ln.lstrip()) for ln in kept if ln.strip()), default=0)
    return "".join(ln[indent:] + "\n" for ln in kept), first + start


def _example_node(example: Example, raw_source: str | None, line: int | None) -> sessionlab_example:
    """The node tree of an example: one part per setup/strategy, each highlighted as Python."""
    node = sessionlab_example()
    node["setup"] = example.setup
    node["strategies"] = [list(s) for s in example.strategies]
    node["options"] = dict(example.options)
    node["lines"] = dict(example.lines)
    node["raises"] = example.raises
    node.source, node.line = raw_source, line
    parts = [("setup", None, example.setup)] if example.setup is not None else []
    parts += [("strategy", name, src) for name, src in example.strategies]
    for role, name, src in parts:
        part = sessionlab_part(role=role, name=name, code=src)
        literal = nodes.literal_block(src, src)
        literal["language"] = "python"
        literal.source = raw_source
        literal.line = example.lines.get("" if role == "setup" else name, line)
        part += literal
        node += part
    return node


def _flag(argument):
    return directives.flag(argument) is None


class SessionLabDirective(SphinxDirective):
    """``.. sessionlab::`` — the setup as its body, ``.. strategy:: NAME`` blocks after it."""

    has_content = True
    option_spec = {
        "rows": directives.nonnegative_int,
        "views": parse_views,
        "readonly": _flag,
        "autorun": _flag,
        "height": directives.unchanged_required,
        "theme": parse_theme,
        "engine": parse_engine,
        "playground": directives.uri,
        "raises": _flag,
    }

    def run(self):
        lines = list(self.content)
        if not any(ln.strip() for ln in lines):
            raise self.error("sessionlab: the example has no code")
        # Each content line's number in its file (0-based offsets from docutils).
        numbers = [self.content.offset(i) + 1 for i in range(len(lines))]
        marks = [i for i, ln in enumerate(lines) if STRATEGY.match(ln)]
        options = {k: v for k, v in self.options.items() if k != "raises"}
        example = Example(setup=None, strategies=[], options=options, raises="raises" in self.options)
        if not marks:
            code, first = _code(lines, 0)
            example.strategies.append(("Script", code))
            example.lines["Script"] = numbers[first] if first < len(numbers) else self.lineno
        else:
            code, first = _code(lines[: marks[0]], 0)
            if code:
                example.setup = code
                example.lines[""] = numbers[first]
            for k, mark in enumerate(marks):
                name = STRATEGY.match(lines[mark]).group(1)
                if not name:
                    raise self.error("sessionlab: `.. strategy::` needs a name")
                if any(n == name for n, _ in example.strategies):
                    raise self.error(f"sessionlab: two strategies are named {name!r}")
                end = marks[k + 1] if k + 1 < len(marks) else len(lines)
                code, first = _code(lines[mark + 1 : end], mark + 1)
                if not code:
                    raise self.error(f"sessionlab: strategy {name!r} has no code")
                example.strategies.append((name, code))
                example.lines[name] = numbers[first]
        source, line = self.get_source_info()
        return [_example_node(example, source, line)]


class _State:
    """Per-process build state: the Node renderer, started on the first example."""

    def __init__(self):
        self.renderer = None
        self.unavailable = None  # why examples are not rendered, once warned

    def get(self, app):
        if self.renderer is None and self.unavailable is None:
            node, why = find_node(app.config.sessionlab_node)
            if node:
                try:
                    self.renderer = Renderer(node)
                except OSError as err:
                    why = str(err)
            if self.renderer is None:
                self.unavailable = why
                logger.warning(
                    "sessionlab: examples are not pre-rendered (%s; Node ≥ 20 runs them at build "
                    "time): pages get the live element only",
                    why,
                    type="sessionlab",
                    subtype="node",
                )
        return self.renderer


def _state(app) -> _State:
    if not hasattr(app, "_sessionlab"):
        app._sessionlab = _State()
    return app._sessionlab


def _first_code_line(path: str | None, after: int | None, code: str) -> int | None:
    """Where a code block's first line is in its file (the node knows only the directive's)."""
    first = code.split("\n", 1)[0].strip()
    if not path or not after or not first:
        return after
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return after
    for i in range(after - 1, len(lines)):
        if lines[i].strip() == first:
            return i + 1
    return after


def _runnable_code_blocks(app, doctree) -> None:
    """Wraps the code blocks that ``sessionlab_code_blocks`` makes runnable."""
    mode = app.config.sessionlab_code_blocks
    if not mode:
        return
    for literal in list(doctree.findall(nodes.literal_block)):
        classes = literal.get("classes", [])
        if literal.get("language") not in PYTHON or "no-sessionlab" in classes:
            continue
        if mode == "class" and "sessionlab" not in classes:
            continue
        if any(isinstance(p, sessionlab_part) for p in _ancestors(literal)):
            continue
        code = literal.astext().rstrip("\n") + "\n"
        line = _first_code_line(literal.source, literal.line, code)
        example = Example(
            setup=None,
            strategies=[("Script", code)],
            lines={"Script": line},
            raises="sessionlab-raises" in classes,
        )
        node = _example_node(example, literal.source, literal.line)
        literal.parent.replace(literal, node)
        # The block itself goes inside, as the author wrote it (caption, linenos, emphasis).
        node.children[0].children[0].replace_self(literal)


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def _render_examples(app, doctree) -> None:
    """Runs each example of a document that was just read, at build time (cached with it)."""
    if not app.config.sessionlab_static:
        return
    examples = list(doctree.findall(sessionlab_example))
    if not examples:
        return
    renderer = _state(app).get(app)
    if renderer is None:
        return
    for node in examples:
        example = Example(
            setup=node["setup"],
            strategies=[tuple(s) for s in node["strategies"]],
            options=node["options"],
            lines=node["lines"],
            raises=node["raises"],
        )
        rendered = renderer.render(example.setup, example.strategies, example.rows)
        node["static_html"] = rendered.html
        if example.raises:
            continue
        for failure in rendered.failures:
            message, line = failure_text(example, failure)
            logger.warning(
                message,
                location=(app.env.docname, line) if line else node,
                type="sessionlab",
                subtype="example",
            )


def _doctree_read(app, doctree) -> None:
    _runnable_code_blocks(app, doctree)
    _render_examples(app, doctree)


def _default_theme(builder) -> str:
    configured = builder.config.sessionlab_theme
    if configured:
        return configured
    return "auto" if builder.config.html_theme in TOGGLING_THEMES else "light"


def visit_example_html(self, node):
    self.body.append(element_start(node["options"], _default_theme(self.builder)) + "\n")


def depart_example_html(self, node):
    static = node.get("static_html")
    self.body.append((f"{static}\n" if static else "") + ELEMENT_END + "\n")


def visit_part_html(self, node):
    self.body.append(part_start(node["role"], node["name"], node["code"]))


def depart_part_html(self, node):
    self.body.append(PART_END + "\n")


def _skip(self, node):
    """Other builders (LaTeX, text, man…) show the code blocks only."""


def _page_context(app, pagename, templatename, context, doctree) -> None:
    """Adds the element's module and styles to the pages that have an example, and only those."""
    if doctree is not None and doctree.next_node(sessionlab_example) is not None:
        app.add_js_file("sessionlab/docs.js", type="module")
        app.add_css_file("sessionlab/docs.css")


def _copy_assets(app, exception) -> None:
    """Copies the engine, the element and the playground into ``_static/sessionlab`` once."""
    if exception is not None or app.builder.format != "html":
        return
    dest = Path(app.outdir) / "_static" / "sessionlab"
    assets = assets_dir()
    # force: a newer package overwrites what an earlier build copied.
    copy_asset(str(assets / "web"), str(dest / "web"), force=True)
    copy_asset(str(assets / "index.html"), str(dest), force=True)
    copy_asset(str(Path(__file__).parent / "static"), str(dest), force=True)


def setup(app):
    """Registers the directive, the nodes, the config values and the build hooks."""
    app.add_config_value("sessionlab_code_blocks", False, "env", [bool, str])
    app.add_config_value("sessionlab_static", True, "env", [bool])
    app.add_config_value("sessionlab_node", None, "env", [str, type(None)])
    app.add_config_value("sessionlab_theme", None, "html", [str, type(None)])
    skip = (_skip, _skip)
    app.add_node(
        sessionlab_example,
        html=(visit_example_html, depart_example_html),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_node(
        sessionlab_part,
        html=(visit_part_html, depart_part_html),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_directive("sessionlab", SessionLabDirective)
    app.connect("doctree-read", _doctree_read)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _copy_assets)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
