"""Parse SQLAlchemy rst docs into sections with doctest examples (as test_tutorials runs them)."""
import doctest, os, re, ast

DOC = os.environ.get("SQLALCHEMY_DOCS", "/work/sqlalchemy-src/doc/build")
MARK = re.compile(r"{(?:stop|sql|opensql|execsql|printsql)}")
PUNCT = set('=-~^*+#"\'`:.')

def load_lines(rel):
    """Lines of a doc with doctest-include inlined and doctest-disable regions blanked.
    Returns list of (file, lineno, text)."""
    path = os.path.join(DOC, rel)
    out = []
    enabled = True
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            inc = re.match(r"\.\. doctest-include (.+\.rst)", line)
            if inc:
                sub = os.path.join(os.path.dirname(rel), inc.group(1))
                out.append((rel, n, "\n"))
                out.extend(load_lines(sub))
                continue
            dis = re.match(r"\.\. doctest-(enable|disable)", line)
            if dis:
                enabled = dis.group(1) == "enable"
            out.append((rel, n, line if enabled else "\n"))
    return out

def is_underline(s):
    s = s.rstrip("\n")
    return len(s) >= 3 and len(set(s)) == 1 and s[0] in PUNCT

def parse(rel):
    lines = load_lines(rel)
    # headings: index in lines -> title
    heads = {}
    for i in range(len(lines) - 1):
        t = lines[i][2].rstrip("\n")
        u = lines[i + 1][2]
        if t.strip() and not t[0].isspace() and not is_underline(t) and is_underline(u) \
                and len(u.rstrip("\n")) >= len(t.strip()) and lines[i][0] == rel:
            heads[i] = t.strip()
    # doctest examples: parse each blob of lines belonging to one file contiguous chunk
    # as test_tutorials does: the markers are removed from every line before parsing (a
    # "{stop}>>> ..." line is an example); the raw lines still tell SQL echo from output
    text = "".join(MARK.sub("", l[2]) for l in lines)
    parser = doctest.DocTestParser()
    examples = parser.get_examples(text)
    # map char offsets -> line index: doctest gives lineno (0-based) within text
    sections = []  # list of dict(title, examples=[])
    cur = {"title": "(top)", "line": 0, "examples": [], "file": rel}
    sections.append(cur)
    head_idx = sorted(heads)
    hi = 0
    for ex in examples:
        while hi < len(head_idx) and head_idx[hi] < ex.lineno:
            i = head_idx[hi]
            cur = {"title": heads[i], "line": lines[i][1], "examples": [], "file": rel}
            sections.append(cur)
            hi += 1
        f, n, _ = lines[ex.lineno]
        src = ex.source
        nsrc = src.count("\n")
        nwant = ex.want.count("\n")
        raw_want = "".join(l[2] for l in lines[ex.lineno + nsrc: ex.lineno + nsrc + nwant])
        # a raw line "{stop}>>> x" belongs to the next example; keep only its marker
        raw_want = re.sub(r"(\{stop\})\s*>>>.*", r"\1", raw_want)
        cur["examples"].append({"source": src, "want": raw_want, "file": f, "line": n,
                                "exc": ex.exc_msg is not None})
    return [s for s in sections if s["examples"]]

def shown_output(want):
    """The part of an example's expected output that is not SQL echo."""
    out = []
    mode = "out"
    for tok in re.split(r"({(?:stop|sql|opensql|execsql|printsql)})", want):
        if tok in ("{sql}", "{opensql}", "{execsql}"):
            mode = "sql"
        elif tok in ("{stop}", "{printsql}"):
            mode = "out"
        elif mode == "out":
            out.append(tok)
    return "".join(out).strip()

def to_script_code(ex):
    """The example's source as a reader pastes it, with print() around an expression the doc
    shows a value for."""
    src = ex["source"]
    if ex["exc"]:
        return src
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) and shown_output(ex["want"]):
        node = tree.body[0].value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            return src
        return "print(" + src.rstrip("\n") + ")\n"
    return src

def slug(title, n=6):
    title = re.sub(r":\w+:", "", title).replace("`", "")
    title = re.sub(r"\(\)", "", title)
    words = re.findall(r"[A-Za-z0-9]+", title.lower())
    s = "_".join(words[:n])
    return s[:48].rstrip("_")

if __name__ == "__main__":
    import sys
    for s in parse(sys.argv[1]):
        print("=" * 20, s["title"], s["line"], slug(s["title"]))
        for ex in s["examples"]:
            code = to_script_code(ex)
            print(("EXC " if ex["exc"] else "") + code, end="")
