"""SessionLab for MkDocs: ``plugins: [sessionlab]`` in ``mkdocs.yml``.

A fence whose info string is ``python sessionlab`` becomes a runnable example::

    ```python sessionlab rows="100" views="output,sql"
    print("hello")
    ```

A fence marked ``setup`` starts a group, and the ``strategy="NAME"`` fences right after it (only
blank lines between) are its strategies::

    ```python sessionlab setup rows="1000"
    …creates and fills the tables (reads N)…
    ```

    ```python sessionlab strategy="Iterate"
    for obj in session.query(Stuff): …
    ```

Attributes: ``rows``, ``views``, ``readonly``, ``autorun``, ``height``, ``theme``, ``engine``,
``playground`` (the element's), ``raises`` (meant to raise: no warning); any other attribute
(``title``, ``linenums``, ``hl_lines``…) is left for the site's highlighter. The plugin rewrites
these fences into plain ``python`` fences before Markdown runs, so the site's own highlighting
(``pymdownx.superfences`` with ``pymdownx.highlight``, or ``codehilite``) draws them, then wraps
the highlighted blocks in ``<session-lab>``. Plugin options: ``static`` (run the examples at build
time, default true), ``node`` (the Node executable), ``theme`` (light, dark or auto; by default
Material's palette toggle is followed and other themes are light).
"""

from __future__ import annotations

import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.utils import get_relative_url

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

log = get_plugin_logger("sessionlab")

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*?)[ \t]*$")
INFO = re.compile(r"^\{?\s*\.?(?:python|py|python3)\s+\.?sessionlab\b(?P<attrs>.*?)\}?$")
ATTR = re.compile(r"""([A-Za-z_][\w-]*)(?:=("[^"]*"|'[^']*'|[^\s"']+))?""")
#: Attributes the plugin reads; any other stays on the fence for the highlighter.
OURS = {
    "setup",
    "strategy",
    "rows",
    "views",
    "readonly",
    "autorun",
    "height",
    "theme",
    "engine",
    "playground",
    "raises",
}


@dataclass
class _Fence:
    start: int  # index of the opening line
    end: int  # index of the closing line
    indent: str
    fence: str
    attrs: dict
    passthrough: str  # the attributes left for the highlighter
    code: str


@dataclass
class _Group:
    fences: list = field(default_factory=list)


def _attrs(text: str, where: str) -> tuple[dict, str]:
    ours, rest = {}, []
    for match in ATTR.finditer(text):
        key, raw = match.group(1), match.group(2)
        value = raw[1:-1] if raw and raw[0] in "\"'" else raw
        if key in OURS:
            ours[key] = True if value is None else value
        else:
            rest.append(match.group(0))
    try:
        if "views" in ours:
            ours["views"] = parse_views(str(ours["views"]))
        if "theme" in ours:
            ours["theme"] = parse_theme(str(ours["theme"]))
        if "engine" in ours:
            ours["engine"] = parse_engine(str(ours["engine"]))
        if "rows" in ours:
            ours["rows"] = int(ours["rows"])
            if ours["rows"] < 0:
                raise ValueError("rows must be ≥ 0")
    except ValueError as err:
        raise PluginError(f"sessionlab: {where}: {err}") from err
    return ours, " ".join(rest)


def _fences(lines: list[str], where: str) -> list[_Fence]:
    """The ``python sessionlab`` fences, skipping the inside of every other fence."""
    found, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        char, size = m.group("fence")[0], len(m.group("fence"))
        close = re.compile(rf"^[ \t]*{re.escape(char)}{{{size},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        if j == len(lines):
            break  # an unclosed fence runs to the end of the page
        info = INFO.match(m.group("info"))
        if info:
            indent = m.group("indent")
            body = [ln[len(indent) :] if ln.startswith(indent) else ln.lstrip() for ln in lines[i + 1 : j]]
            attrs, rest = _attrs(info.group("attrs"), f"{where}:{i + 1}")
            found.append(_Fence(i, j, indent, m.group("fence"), attrs, rest, "".join(b + "\n" for b in body)))
        i = j + 1
    return found


def _groups(lines: list[str], fences: list[_Fence]) -> list[_Group]:
    """A ``setup`` fence and the ``strategy`` fences right after it form one example."""
    groups: list[_Group] = []
    for f in fences:
        prev = groups[-1].fences[-1] if groups else None
        adjacent = (
            prev is not None
            and prev.indent == f.indent
            and all(not ln.strip() for ln in lines[prev.end + 1 : f.start])
            and ("setup" in prev.attrs or "strategy" in prev.attrs)
        )
        if "strategy" in f.attrs and "setup" not in f.attrs and adjacent:
            groups[-1].fences.append(f)
        else:
            groups.append(_Group([f]))
    return groups


class SessionLabConfig(Config):
    """``plugins: [sessionlab: {static: true, node: null, theme: null}]``."""

    static = c.Type(bool, default=True)
    node = c.Optional(c.Type(str))
    theme = c.Optional(c.Choice(("light", "dark", "auto")))


class SessionLabPlugin(BasePlugin[SessionLabConfig]):
    """Runnable examples from ``python sessionlab`` fences, pre-rendered at build time."""

    def __init__(self):
        self._renderer = None
        self._unavailable = None
        self._pages = {}
        self._nonce = secrets.token_hex(4)

    def on_config(self, config):
        self._pages = {}
        return config

    def _token(self, n: int, kind: str) -> str:
        return f"SESSIONLABZ{self._nonce}Z{n}Z{kind}"

    def on_page_markdown(self, markdown, page, config, files):
        """Rewrites each example into plain fences between marker paragraphs."""
        where = page.file.src_path
        lines = markdown.split("\n")
        fences = _fences(lines, where)
        if not fences:
            return markdown
        offset = _body_offset(page, markdown)
        examples, out, last = [], [], 0
        for n, group in enumerate(_groups(lines, fences)):
            first, end = group.fences[0], group.fences[-1].end
            example = Example(setup=None, strategies=[], options={}, raises=False)
            for f in group.fences:
                line = offset + f.start + 2  # the first code line, 1-based in the file
                if "setup" in f.attrs:
                    example.setup = f.code
                    example.lines[""] = line
                else:
                    strategy = f.attrs.get("strategy")
                    name = strategy if isinstance(strategy, str) and strategy else "Script"
                    if any(s == name for s, _ in example.strategies):
                        raise PluginError(f"sessionlab: {where}:{f.start + 1}: two strategies are named {name!r}")
                    example.strategies.append((name, f.code))
                    example.lines[name] = line
                example.raises = example.raises or bool(f.attrs.get("raises"))
            if not example.strategies:
                raise PluginError(f"sessionlab: {where}:{first.start + 1}: a setup fence needs strategy fences after it")
            example.options = {k: v for k, v in first.attrs.items() if k not in ("setup", "strategy", "raises")}
            examples.append(example)
            ind = first.indent
            out += lines[last : first.start]
            out += [ind + self._token(n, "OPEN"), ""]
            for k, f in enumerate(group.fences):
                info = f"python {f.passthrough}".rstrip()
                out += [ind + self._token(n, f"P{k}"), "", f"{ind}{f.fence}{info}"]
                out += lines[f.start + 1 : f.end + 1]
                out += [""]
            out += [ind + self._token(n, "CLOSE"), ""]
            last = end + 1
        out += lines[last:]
        self._pages[page.file.src_uri] = examples
        return "\n".join(out)

    def _render(self, example: Example, where: str):
        if not self.config.static:
            return ""
        if self._renderer is None and self._unavailable is None:
            node, why = find_node(self.config.node)
            if node:
                try:
                    self._renderer = Renderer(node)
                except OSError as err:
                    why = str(err)
            if self._renderer is None:
                self._unavailable = why
                log.warning(
                    "examples are not pre-rendered (%s; Node ≥ 20 runs them at build time): "
                    "pages get the live element only",
                    why,
                )
        if self._renderer is None:
            return ""
        rendered = self._renderer.render(example.setup, example.strategies, example.rows)
        if not example.raises:
            for failure in rendered.failures:
                message, line = failure_text(example, failure)
                log.warning(f"{where}:{line}: {message}" if line else f"{where}: {message}")
        return rendered.html

    def on_page_content(self, html, page, config, files):
        """Wraps the highlighted blocks of each example in its element, with its static output."""
        examples = self._pages.get(page.file.src_uri)
        if not examples:
            return html
        theme = self.config.theme or ("auto" if config.theme.name == "material" else "light")
        for n, example in enumerate(examples):
            pattern = re.compile(_para(self._token(n, "OPEN")) + r"(.*?)" + _para(self._token(n, "CLOSE")), re.S)
            match = pattern.search(html)
            if not match:
                log.warning(f"{page.file.src_path}: example {n + 1} could not be placed (inside raw HTML?)")
                continue
            chunks = re.split(_para(self._token(n, r"P\d+")), match.group(1))[1:]
            roles = ([("setup", None, example.setup)] if example.setup is not None else []) + [
                ("strategy", name, src) for name, src in example.strategies
            ]
            parts = [
                part_start(role, name, src) + chunk.strip() + PART_END
                for (role, name, src), chunk in zip(roles, chunks, strict=True)
            ]
            static = self._render(example, page.file.src_path)
            pieces = [element_start(example.options, theme), *parts, static, ELEMENT_END]
            html = html[: match.start()] + "\n".join(p for p in pieces if p) + html[match.end() :]
        return html

    def on_post_page(self, output, page, config):
        """Adds the element's module and styles to the pages that have an example, and only those."""
        if not self._pages.get(page.file.src_uri):
            return output
        css = get_relative_url("sessionlab/docs.css", page.url)
        js = get_relative_url("sessionlab/docs.js", page.url)
        tags = f'<link rel="stylesheet" href="{css}">\n<script type="module" src="{js}"></script>\n'
        head = output.find("</head>")
        return output[:head] + tags + output[head:] if head >= 0 else tags + output

    def on_post_build(self, config):
        """Copies the engine, the element and the playground into ``site/sessionlab`` once."""
        if not any(self._pages.values()):
            return
        dest = Path(config.site_dir) / "sessionlab"
        assets = assets_dir()
        shutil.copytree(assets / "web", dest / "web", dirs_exist_ok=True)
        shutil.copy2(assets / "index.html", dest / "index.html")
        shutil.copytree(Path(__file__).parent / "static", dest, dirs_exist_ok=True)

    def on_shutdown(self):
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None


def _para(token: str) -> str:
    """A marker paragraph as Markdown renders it."""
    return rf"<p>\s*{token}\s*</p>"


def _body_offset(page, markdown: str) -> int:
    """Lines before the Markdown body in the file (front matter), for warnings' line numbers."""
    try:
        raw = page.file.content_string
    except (OSError, UnicodeDecodeError, AttributeError):
        return 0
    at = raw.find(markdown[:200]) if markdown else -1
    return raw.count("\n", 0, at) if at > 0 else 0
