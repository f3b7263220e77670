"""The MkDocs plugin, on the Material sample site in tests/docs-sites/mkdocs and variants."""

from __future__ import annotations

import re
import textwrap

from conftest import run


def build(src, strict=True):
    out = src / "site"
    code, log = run(["-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(src / "mkdocs.yml"), "-d", str(out)])
    return code, log, out


def elements(html):
    return re.findall(r"<session-lab\b.*?</session-lab>", html, re.S)


def test_fences_render_the_element_with_the_page_highlighting_and_static_output(built):
    code, log, out = built("mkdocs", build)
    assert code == 0, log
    page = (out / "examples" / "index.html").read_text()
    found = elements(page)
    assert len(found) == 4  # the setup group, the script, the admonition's, the raising one
    group = found[0]
    assert group.startswith('<session-lab rows="100" views="output,sql" theme="auto">')
    assert '<div data-role="setup"><script type="text/x-python">\nfrom sqlalchemy import create_engine' in group
    iterate = group.split('<div data-strategy="Iterate">', 1)[1]
    # Superfences + pymdownx.highlight drew the block; the element shows it until edited.
    assert re.match(r'<script type="text/x-python">\nfor obj in session.query\(Stuff\):\n.*?</script><div class="highlight"><pre><span></span><code><span class="k">for</span>', iterate, re.S)
    static = group.split('<div class="session-lab-static">', 1)[1]
    assert '<pre class="sql">UPDATE stuff SET foo=(stuff.foo + ?)</pre>' in static
    assert '<pre class="output">updated 100\n</pre>' in static
    assert " readonly>" in found[1].split("\n", 1)[0] and '<pre class="output">45\n</pre>' in found[1]
    admonition = page.split('class="admonition note"', 1)[1]
    assert admonition.index("<session-lab") < admonition.index("</div>\n<h2")  # stays inside the note
    assert '<pre class="output">42\n</pre>' in found[2] and "core.py" in found[2]  # title kept
    assert "ZeroDivisionError: division by zero" in found[3]
    # A fence shown inside another fence is text, not an example.
    assert "</span>sessionlab\n" in page and "inside another fence: shown, not run" in page
    assert "SESSIONLABZ" not in page


def test_assets_are_copied_once_and_the_module_is_only_on_pages_with_examples(built):
    code, log, out = built("mkdocs", build)
    assert code == 0, log
    assert [p.relative_to(out).as_posix() for p in out.rglob("element.js")] == ["sessionlab/web/element.js"]
    assert (out / "sessionlab/web/pkg/sessionlab_bg.wasm").is_file()
    page = (out / "examples" / "index.html").read_text()
    assert page.count('<script type="module" src="../sessionlab/docs.js"></script>') == 1
    assert page.count('href="../sessionlab/docs.css"') == 1
    assert "sessionlab/docs.js" not in (out / "index.html").read_text()
    assert "<session-lab" not in (out / "index.html").read_text()


def test_strict_build_fails_on_an_example_that_raises_and_names_file_and_line(site):
    src = site("mkdocs")
    (src / "docs" / "examples.md").write_text(
        textwrap.dedent(
            """\
            ---
            title: Broken
            ---
            # Broken

            ```python sessionlab
            x = 1
            print(undefined_name)
            ```
            """
        )
    )
    code, log, _ = build(src)
    assert code != 0
    assert re.search(r"examples\.md:8: sessionlab example raised NameError: name 'undefined_name' is not defined", log), log
    code, log, out = build(src, strict=False)
    assert code == 0 and "examples.md:8" in log
    assert "NameError" in (out / "examples" / "index.html").read_text()


def test_without_node_the_build_warns_once_and_writes_the_live_element_only(site):
    src = site("mkdocs")
    config = (src / "mkdocs.yml").read_text()
    (src / "mkdocs.yml").write_text(config.replace("  - sessionlab\n", "  - sessionlab:\n      node: /nonexistent/node\n"))
    code, log, out = build(src, strict=False)
    assert code == 0, log
    assert log.count("examples are not pre-rendered") == 1, log
    page = (out / "examples" / "index.html").read_text()
    assert len(elements(page)) == 4 and "session-lab-static" not in page
