#!/usr/bin/env python3
"""Write tests/conformance/docs/FAILURES.md: every failing documentation case with its first
difference (as /work/shared/conformance/check words it), grouped by cause, the causes that block
the most cases first.

Usage:  python3 tests/conformance/docs_failures.py [--cmd "target/release/sessionlab run --json"]
                                                   [--check /work/shared/conformance/check]
                                                   [--write-passing]

The cause of a case is the error SessionLab raised where SQLAlchemy raised none (or another
one), with the names in quotes kept and line numbers dropped: `cannot import name
'selectinload' from 'sqlalchemy.orm'` blocks every case that imports it. A case that runs to
its end but differs is grouped by what differs first (the SQL of an event, stdout, tables...).
Only the standard library is needed; no SQLAlchemy.
"""
import argparse
import collections
import importlib.machinery
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")


# What the scripts are doing where a frequent cause stops them (checked by hand; a cause not
# listed here is explained by its message and the cases' first differences).
HINTS = [
    ("UnboundExecutionError: Could not locate a bind",
     "`Session(conn)`: a Session bound to a Connection, as the query guide's fixtures "
     "(`_plain_setup.rst`, `_deferred_setup.rst`, `_dml_setup.rst`, `_inheritance_setup.rst`) "
     "make it; the first flush or query fails, so nothing after the setup is compared yet"),
    ("TypeError: 'ReadOnlyColumnCollection' object is not subscriptable",
     "`user_table.c[\"name\", \"fullname\"]` (tutorial/data_select.rst, \"Setting the COLUMNS "
     "and FROM clause\"), which the page's later sections carry in their prefix"),
    ("AttributeError: 'Table' object has no attribute 'primary_key'",
     "`print(user_table.primary_key)` (tutorial/metadata.rst, \"Declaring Simple Constraints\"), "
     "in every later section of the page"),
    ("AttributeError: 'Select' object has no attribute 'join_from'",
     "`select(...).join_from(...)`: tutorial/data_select.rst, \"Explicit FROM clauses and JOINs\", "
     "and tutorial/orm_related_objects.rst, \"Using Relationships to Join\", which the page's "
     "later sections carry in their prefix"),
    ("SQLAlchemy sends SELECT where SessionLab sends DELETE",
     "`session.delete(parent)` with its collection not loaded: SQLAlchemy first loads the "
     "children (`SELECT address ... WHERE ? = address.user_id`) to null their foreign key or "
     "cascade the delete; SessionLab deletes at once"),
    ("SQLAlchemy sends PRAGMA where SessionLab sends INSERT",
     "`Table(\"some_table\", metadata_obj, autoload_with=engine)` (reflection, tutorial/"
     "metadata.rst) sends no PRAGMA table_xinfo / foreign_key_list / index_list in SessionLab"),
    ("ImportError: cannot import name 'mysql' from 'sqlalchemy.dialects'",
     "`from sqlalchemy.dialects import mysql` to print `stmt.compile(dialect=mysql.dialect())` "
     "(tutorial/data_update.rst)"),
]


def hint_for(cause):
    for prefix, text in HINTS:
        if cause.startswith(prefix):
            return text
    return ""


def load_check(path):
    loader = importlib.machinery.SourceFileLoader("conformance_check", path)
    spec = importlib.util.spec_from_loader("conformance_check", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def cause_of(want, got, diff):
    werr, gerr = want.get("error"), got.get("error")
    if gerr and (not werr or werr.get("type") != gerr.get("type")
                 or werr.get("message", "").split("\n")[0] != gerr.get("message", "").split("\n")[0]):
        msg = (gerr.get("message") or "").split("\n")[0]
        msg = re.sub(r"\bline \d+\b", "line N", msg)
        msg = re.sub(r" at 0x[0-9a-fA-F?]+", " at 0x?", msg)
        return "%s: %s" % (gerr.get("type"), msg[:160])
    head = diff.split("\n")[0]
    if head.startswith("event"):
        return event_cause(want, got)
    return "runs to the end, but %s differs" % head.split(":")[0]


def stdout_diff(want, got):
    """The first printed line that differs, with its number."""
    w, g = want.split("\n"), got.split("\n")
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<end>"
        b = g[i] if i < len(g) else "<end>"
        if a != b:
            return "stdout line %d: want %r got %r" % (i + 1, a, b)
    return "stdout differs"


def events_of(report):
    return [(e.get("kind"), e.get("sql"), e.get("params"), bool(e.get("many")))
            for e in report.get("events", [])]


def what(event):
    """A short name for an event: its kind, or the first word(s) of its SQL."""
    if event is None:
        return "nothing"
    if event[0] != "sql":
        return event[0].upper()
    words = event[1].split()
    if words[:2] in (["RELEASE", "SAVEPOINT"], ["ROLLBACK", "TO"]):
        return " ".join(words[:2])
    return words[0] if words else "''"


def event_cause(want, got):
    we, ge = events_of(want), events_of(got)
    for i in range(max(len(we), len(ge))):
        w = we[i] if i < len(we) else None
        g = ge[i] if i < len(ge) else None
        if w == g:
            continue
        if w and g and w[0] == g[0] == "sql":
            if w[1].replace('"', "") == g[1].replace('"', "") and w[1] != g[1]:
                return "identifier quoting differs (reserved words and mixed-case names are quoted)"
            if w[1] == g[1]:
                return "same SQL, other parameters or executemany grouping"
            if what(w) == what(g):
                return "the %s statement's text differs" % what(w)
        return "SQLAlchemy sends %s where SessionLab sends %s" % (what(w), what(g))
    return "a statement or transaction event differs"


def behind_session_conn(args, groups):
    """The next error of each case stopped by a Session bound to a Connection."""
    import tempfile
    found = collections.defaultdict(list)
    for cause, items in groups.items():
        if not cause.startswith("UnboundExecutionError"):
            continue
        for name, _diff in items:
            with open(os.path.join(DOCS, name + ".py"), encoding="utf-8") as fh:
                source = fh.read()
            if "Session(conn)" not in source:
                continue
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as tmp:
                tmp.write(source.replace("Session(conn)", "Session(engine)"))
            try:
                proc = subprocess.run(shlex.split(args.cmd) + [tmp.name], capture_output=True,
                                      text=True, timeout=60)
                err = json.loads(proc.stdout).get("error")
            except (subprocess.TimeoutExpired, json.JSONDecodeError, ValueError):
                err = {"type": "no run report", "message": ""}
            finally:
                os.unlink(tmp.name)
            if err:
                msg = re.sub(r" at 0x[0-9a-fA-F?]+", " at 0x?", (err.get("message") or "").split("\n")[0])
                found["%s: %s" % (err.get("type"), msg[:140])].append(name)
            else:
                found["runs to the end"].append(name)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default="target/release/sessionlab run --json")
    ap.add_argument("--check", default="/work/shared/conformance/check")
    ap.add_argument("--out", default=os.path.join(DOCS, "FAILURES.md"))
    ap.add_argument("--write-passing", action="store_true",
                    help="also rewrite docs/passing.txt (the ratchet) with every case that passes")
    args = ap.parse_args()
    check = load_check(args.check)
    cases = sorted(f[:-3] for f in os.listdir(DOCS)
                   if f.endswith(".py") and os.path.exists(os.path.join(DOCS, f[:-3] + ".json")))
    groups = collections.defaultdict(list)
    passed = 0
    passing = []
    for name in cases:
        path = os.path.join(DOCS, name + ".py")
        with open(os.path.join(DOCS, name + ".json"), encoding="utf-8") as fh:
            want = json.load(fh)
        try:
            proc = subprocess.run(shlex.split(args.cmd) + [path], capture_output=True,
                                  text=True, timeout=60)
            got = json.loads(proc.stdout)
        except (subprocess.TimeoutExpired, json.JSONDecodeError, ValueError) as exc:
            groups["no run report (%s)" % type(exc).__name__].append((name, str(exc)[:160]))
            continue
        diff = check.first_diff(want, got, False)
        if diff is None:
            passed += 1
            passing.append(name)
            continue
        cause = cause_of(want, got, diff)
        if diff.startswith("stdout"):
            diff = stdout_diff(want.get("stdout", ""), got.get("stdout", ""))
        one_line = " ".join(diff.split())
        if len(one_line) > 240:
            one_line = one_line[:237] + "..."
        groups[cause].append((name, one_line))
    failed = sum(len(v) for v in groups.values())
    order = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    lines = [
        "# Documentation cases that fail today",
        "",
        "Generated by `python3 tests/conformance/docs_failures.py` (SessionLab's native CLI against",
        "the recordings of real SQLAlchemy 2.1.9; differences as `/work/shared/conformance/check`",
        "reports them). %d cases: %d pass, %d fail. Causes, the ones blocking the most cases first:"
        % (len(cases), passed, failed),
        "",
        "| cases | cause | where the scripts are |",
        "|---:|---|---|",
    ]
    for cause, items in order:
        lines.append("| %d | %s | %s |" % (len(items), cause.replace("|", "\\|"),
                                          hint_for(cause).replace("|", "\\|")))
    for cause, items in order:
        lines += ["", "## %s: %d case%s" % (cause, len(items), "" if len(items) == 1 else "s"), ""]
        if hint_for(cause):
            lines += [hint_for(cause) + ".", ""]
        for name, diff in items:
            lines.append("- `%s`: %s" % (name, diff))
    behind = behind_session_conn(args, groups)
    if behind:
        lines += ["", "## Behind `Session(conn)`: what stops these cases next", "",
                  "Not a comparison: each of the cases above that stops at `Session(conn)` was run once",
                  "more with its session bound to the engine (`Session(engine)`), to show the next",
                  "error SessionLab raises in the rest of the script (\"runs to the end\" when none).", "",
                  "| cases | next error |", "|---:|---|"]
        for cause, names in sorted(behind.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append("| %d | %s (%s) |" % (len(names), cause.replace("|", "\\|"),
                                                ", ".join("`%s`" % n for n in names[:3])
                                                + (", ..." if len(names) > 3 else "")))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    if args.write_passing:
        with open(os.path.join(DOCS, "passing.txt"), "w", encoding="utf-8") as fh:
            fh.write("# Documentation cases that must keep passing (crate/tests/conformance.rs and\n"
                     "# tests/node/conformance.test.mjs check them natively and in the wasm build).\n"
                     "# Regenerate with `python3 tests/conformance/docs_failures.py --write-passing`.\n")
            fh.write("".join(n + "\n" for n in passing))
    print("%d cases, %d passed, %d failed -> %s" % (len(cases), passed, failed, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
