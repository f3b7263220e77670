"""Build docs conformance cases: one per section (unit), verified against the doc's cumulative run."""
import ast, json, os, re, sys, subprocess, tempfile
from concurrent.futures import ThreadPoolExecutor
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import docparse, setups

WT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(WT, "tests/conformance/docs")
RECORD = os.path.join(WT, "tests/conformance/record.py")
PY = os.environ.get("SA_PYTHON", "/work/sa/bin/python")
RUNS = tempfile.mkdtemp(prefix="docs_tools_")
SENT = 'print("@@UNIT@@")\n'

SQLLINE = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|CREATE|PRAGMA|\[|\.\.\.$)")
NONE_METHODS = {"commit", "rollback", "flush", "close", "add", "add_all", "delete", "expire",
                "refresh", "expunge", "expunge_all", "expire_all", "create_all", "drop_all"}

def code_of(ex):
    src = re.sub(r"\s*# doctest:.*", "", ex["source"])
    if ex["exc"]:
        return src
    shown = docparse.shown_output(ex["want"])
    shown = "\n".join(l for l in shown.splitlines() if l.strip() and not SQLLINE.match(l.strip()))
    reprs = [l for l in ex["want"].splitlines() if re.match(r"\s*<[\w.]+ object at 0x", l)]
    if reprs and not shown:
        shown = "\n".join(reprs)
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    if not shown:
        return src
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
        node = tree.body[0].value
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in ("print", "pprint"):
                return src
            if isinstance(f, ast.Attribute) and f.attr in NONE_METHODS:
                return src
        return "print(" + src.rstrip("\n") + ")\n"
    # compound statement: doctest's interactive mode shows values of expression statements
    # inside it; print the execute() calls the doc shows a Result for
    if "Result object at" in ex["want"]:
        lines = src.splitlines(keepends=True)
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and \
                    isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "execute":
                a, b = node.lineno - 1, node.end_lineno - 1
                ind = re.match(r"\s*", lines[a]).group(0)
                lines[a] = ind + "print(" + lines[a][len(ind):]
                lines[b] = lines[b].rstrip("\n") + ")\n"
        return "".join(lines)
    return src

def skipped(ex):
    return "+SKIP" in ex["source"]

def units_of(sections):
    """Split sections at examples raising an exception the doc shows."""
    units = []
    for s in sections:
        exs = [e for e in s["examples"] if not skipped(e)]
        part, k = [], 1
        for e in exs:
            part.append(e)
            if e["exc"]:
                units.append({"title": s["title"], "part": k, "examples": part})
                part, k = [], k + 1
        if part:
            units.append({"title": s["title"], "part": k, "examples": part})
    return [u for u in units if u["examples"]]

def join_code(exs, wrap_exc=False, drop_exc=False):
    out = []
    for e in exs:
        c = code_of(e)
        if e["exc"]:
            if drop_exc:
                continue
            if wrap_exc:
                c = "try:\n" + "".join("    " + l for l in c.splitlines(True)) + "\nexcept Exception:\n    pass\n"
        if out and (c.count("\n") > 1 or out[-1].count("\n") > 1):
            c = "\n" + c
        out.append(c)
    return "".join(out)

def run(text):
    fd, path = tempfile.mkstemp(suffix=".py", prefix="cand_", dir=RUNS)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    p = subprocess.run([PY, RECORD, path], capture_output=True, timeout=300)
    os.unlink(path)
    if p.returncode:
        return {"crash": p.stderr.decode()[-2000:]}
    return json.loads(p.stdout)

def after_sentinel(report, sent_line, end_line=None):
    evs = [(e["kind"], e.get("sql"), json.dumps(e.get("params")), e.get("many"))
           for e in report["events"] if e["line"] is not None and e["line"] > sent_line
           and (end_line is None or e["line"] <= end_line)]
    return evs

def build(cfg):
    name, rel = cfg["name"], cfg["rel"]
    sections = docparse.parse(rel)
    # examples from included setup files before the doc's own first example -> setup
    setup_exs = []
    if cfg.get("include_setup"):
        for s in sections:
            while s["examples"] and s["examples"][0]["file"] != rel:
                setup_exs.append(s["examples"].pop(0))
            if s["examples"]:
                break
        sections = [s for s in sections if s["examples"]]
    if cfg.get("first_section_setup"):
        # the page's opening section is only its setup (mapping, hidden create_all, data)
        setup_exs = sections.pop(0)["examples"]
    setup = cfg.get("setup", "")
    if setup_exs:
        setup += "# --- setup: doc/build/%s ---\n" % setup_exs[0]["file"] + join_code(setup_exs)
    end = cfg.get("end", "")
    units = units_of(sections)
    # ground truth: chain docs + this doc, sentinel before each unit
    gt = ""
    for c in cfg.get("chain", []):
        gt += join_code([e for s in docparse.parse(c) for e in s["examples"] if not skipped(e)], wrap_exc=True)
    if setup_exs:
        gt += join_code(setup_exs)
    elif not cfg.get("chain"):
        gt += setup
    bounds = []
    for u in units:
        gt += SENT
        start = gt.count("\n")
        gt += join_code(u["examples"], wrap_exc=True)
        bounds.append((start, gt.count("\n")))
    gt += end
    truth = run(gt)
    if "crash" in truth:
        print("GT CRASH", name, truth["crash"]); return []
    if truth["error"]:
        print("GT ERROR", name, truth["error"])
    gt_out = truth["stdout"].split("@@UNIT@@\n")[1:]
    results = []

    def candidate(i, j):
        prior = "".join(
            "\n# --- doc/build/%s: \"%s\" ---\n" % (rel, units[k]["title"]) + join_code(units[k]["examples"], drop_exc=True)
            for k in range(j, i))
        u = units[i]
        head = "\n# --- doc/build/%s: \"%s\" ---\n" % (rel, u["title"])
        body = join_code(u["examples"])
        tail = "" if u["examples"][-1]["exc"] else end
        text_sent = setup + prior + SENT + body + tail
        return setup + prior + head + body + tail, text_sent, u["examples"][-1]["exc"]

    def check(i):
        tried = []
        opts = [i] + ([i - 1] if i >= 1 else []) + ([0] if i >= 2 else [])
        for j in opts:
            final, sent_text, exc = candidate(i, j)
            rep = run(sent_text)
            if "crash" in rep:
                tried.append((j, "crash")); continue
            sent_line = sent_text.split(SENT)[0].count("\n") + 1
            got_ev = after_sentinel(rep, sent_line, sent_line + sent_text.split(SENT)[1].count("\n") - (end.count("\n") if not exc else 0))
            want_ev = after_sentinel(truth, bounds[i][0], bounds[i][1])
            got_out = rep["stdout"].split("@@UNIT@@\n", 1)[1] if "@@UNIT@@\n" in rep["stdout"] else None
            if i >= len(gt_out):
                tried.append((j, "no ground truth")); continue
            ok_err = (rep["error"] is not None) == bool(exc)
            if got_ev == want_ev and got_out == gt_out[i] and ok_err:
                return i, j, final, "ok"
            why = []
            if got_ev != want_ev: why.append("events")
            if got_out != gt_out[i]: why.append("stdout")
            if not ok_err: why.append("error=%s" % (rep["error"] and rep["error"]["message"][:80]))
            tried.append((j, ",".join(why)))
        final, _, _ = candidate(i, 0)
        return i, 0, final, "MISMATCH %s" % tried

    with ThreadPoolExecutor(2) as pool:
        res = list(pool.map(check, range(len(units))))
    names = {}
    for i, j, final, status in res:
        u = units[i]
        base = "docs__%s_%s" % (name, docparse.slug(u["title"]))
        if u["part"] > 1:
            base += "_%d" % u["part"]
        while base in names:
            base += "_b"
        names[base] = 1
        desc = '# source: doc/build/%s, section "%s"' % (rel, u["title"])
        if u["part"] > 1:
            desc += " (after the exception the doc shows)"
        extra = []
        if j < i:
            extra.append("preceded by the page's sections " + ", ".join('"%s"' % units[k]["title"] for k in sorted(set(range(j, i)), key=int)) if i - j <= 3 else "preceded by the page's earlier sections")
        if cfg.get("setup_desc"):
            extra.append("setup: " + cfg["setup_desc"])
        if extra:
            desc += " (" + "; ".join(extra) + ")"
        if units[i]["examples"][-1]["exc"]:
            desc += "\n# ends with the exception the doc shows"
        results.append((base, desc + "\n" + final, status))
    return results

if __name__ == "__main__":
    import configs
    which = sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    for cfg in configs.DOCS:
        if which and cfg["name"] not in which:
            continue
        try:
            res = build(cfg)
        except Exception as exc:
            print("BUILD FAILED", cfg["name"], exc); continue
        for base, text, status in res:
            with open(os.path.join(OUT, base + ".py"), "w") as fh:
                fh.write(text)
            print(status[:200], base)
