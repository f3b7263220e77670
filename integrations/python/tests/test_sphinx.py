"""The Sphinx extension, on the sample site in tests/docs-sites/sphinx and small variants."""

from __future__ import annotations

import re
import textwrap

from conftest import run


def build(src, *extra, strict=True):
    out = src / "_build" / "html"
    code, log = run(["-m", "sphinx", "-b", "html", "-q", *(["-W"] if strict else []), *extra, str(src), str(out)])
    return code, log, out


def elements(html):
    return re.findall(r"<session-lab\b.*?</session-lab>", html, re.S)


def test_directive_renders_the_element_with_the_page_highlighting_and_static_output(built):
    code, log, out = built("sphinx", build)
    assert code == 0, log
    page = (out / "examples.html").read_text()
    found = elements(page)
    assert len(found) == 4  # the directive twice, the runnable code block, the raising example
    strategies = found[0]
    assert strategies.startswith('<session-lab rows="100" views="output,sql" theme="auto">')
    assert '<div data-role="setup"><script type="text/x-python">\nfrom sqlalchemy import create_engine' in strategies
    # Each part keeps Sphinx's own Pygments markup, which the element shows until edited.
    iterate = strategies.split('<div data-strategy="Iterate">', 1)[1]
    assert '<div class="highlight"><pre><span></span><span class="k">for</span>' in iterate
    assert 'data-strategy="Query.update"' in strategies
    # Built-time output: the SQL each strategy sent, and what it printed.
    static = strategies.split('<div class="session-lab-static">', 1)[1]
    assert "<h4>Iterate</h4>" in static and "<h4>Query.update</h4>" in static
    assert '<pre class="sql">UPDATE stuff SET foo=? WHERE stuff.id = ?</pre>' in static
    assert "100 parameter sets: [(1, 1), (2, 2), (3, 3), …]" in static
    assert '<pre class="output">updated 100\n</pre>' in static
    script = found[1]
    assert script.startswith('<session-lab height="6em" theme="auto" readonly autorun>')
    assert '<pre class="output">45\n</pre>' in script
    block = found[2]
    assert 'data-strategy="Script"' in block and '<pre class="output">42\n</pre>' in block
    assert 'class="sessionlab highlight-python notranslate"' in block
    raising = found[3]
    assert '<pre class="error">Traceback' in raising and "ZeroDivisionError: division by zero" in raising


def test_assets_are_copied_once_and_the_module_is_only_on_pages_with_examples(built):
    code, log, out = built("sphinx", build)
    assert code == 0, log
    assert [p.relative_to(out).as_posix() for p in out.rglob("element.js")] == ["_static/sessionlab/web/element.js"]
    assert (out / "_static/sessionlab/web/pkg/sessionlab_bg.wasm").stat().st_size > 100_000
    assert (out / "_static/sessionlab/index.html").is_file()
    examples = (out / "examples.html").read_text()
    assert examples.count('src="_static/sessionlab/docs.js') == 1
    assert 'type="module"' in re.search(r"<script[^>]*sessionlab/docs\.js[^>]*>", examples).group(0)
    assert examples.count("_static/sessionlab/docs.css") == 1
    for other in ("index.html", "genindex.html", "search.html"):
        text = (out / other).read_text()
        assert "sessionlab/docs" not in text and "<session-lab" not in text, other
    # An ordinary code block (no sessionlab class) stays a code block.
    assert "<session-lab" not in (out / "index.html").read_text()


def test_theme_follows_the_sphinx_theme(site):
    code, log, out = build(site("sphinx"), "-D", "html_theme=alabaster")
    assert code == 0, log
    page = (out / "examples.html").read_text()
    assert '<session-lab rows="100" views="output,sql" theme="light">' in page


def test_strict_build_fails_on_an_example_that_raises_and_names_file_and_line(site):
    src = site("sphinx")
    (src / "examples.rst").write_text(
        textwrap.dedent(
            """\
            Broken
            ======

            .. sessionlab::
               :rows: 3

               from sqlalchemy import create_engine
               engine = create_engine("sqlite://")

               .. strategy:: Works

                  print("fine")

               .. strategy:: Broken

                  x = 1
                  print(undefined_name)
            """
        )
    )
    code, log, out = build(src)
    assert code != 0
    assert re.search(r"examples\.rst:17: (WARNING|ERROR): sessionlab example raised NameError: name 'undefined_name' is not defined in strategy 'Broken', line 2", log), log
    # The page is still written (Sphinx keeps going), with the traceback as the static output.
    assert "NameError" in (out / "examples.html").read_text()


def test_every_python_code_block_can_be_made_runnable(site):
    src = site("sphinx")
    (src / "index.rst").write_text(
        textwrap.dedent(
            """\
            Blocks
            ======

            .. toctree::

               examples

            .. code-block:: python

               print("runs")

            .. code-block:: python
               :class: no-sessionlab

               import requests  # not runnable here: opted out

            .. code-block:: javascript

               console.log("not Python");
            """
        )
    )
    code, log, out = build(src, "-D", "sessionlab_code_blocks=1")
    assert code == 0, log
    page = (out / "index.html").read_text()
    found = elements(page)
    assert len(found) == 1 and '<pre class="output">runs\n</pre>' in found[0]
    assert '<div class="no-sessionlab highlight-python notranslate">' in page  # opted out: a plain block
    assert page.count("sessionlab/docs.js") == 1


def test_without_node_the_build_warns_once_and_writes_the_live_element_only(site):
    extra = ["-D", "sessionlab_node=/nonexistent/node", "-D", "sessionlab_theme=dark"]
    code, log, out = build(site("sphinx"), *extra, strict=False)
    assert code == 0, log
    assert log.count("examples are not pre-rendered") == 1, log
    page = (out / "examples.html").read_text()
    assert len(elements(page)) == 4 and "session-lab-static" not in page
    assert '<session-lab rows="100" views="output,sql" theme="dark">' in page  # the configured theme
    assert (out / "_static/sessionlab/web/element.js").is_file()


def test_engine_option_is_the_element_attribute_and_is_validated(site):
    src = site("sphinx")
    page = """\
        Engines
        =======

        .. sessionlab::
           :engine: {engine}

           print("hi")
        """
    (src / "examples.rst").write_text(textwrap.dedent(page.format(engine="auto")))
    code, log, out = build(src)
    assert code == 0, log
    assert '<session-lab theme="auto" engine="auto">' in (out / "examples.html").read_text()
    (src / "examples.rst").write_text(textwrap.dedent(page.format(engine="cpython")))
    code, log, _ = build(src)
    assert code != 0
    assert "engine must be one of fast, sqlalchemy, auto" in log, log
