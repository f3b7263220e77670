#!/usr/bin/env python3
"""Record what CPython 3.11 does with each tests/script/<group>__<case>.py.

Writes tests/script/<case>.json: {"stdout", "error": null | {"type", "message", "line"},
"traceback": null | text}. Each script runs in a fresh `python3 -X no_debug_ranges` (no caret
lines, as SessionLab prints) under the file name "<playground>", with its source registered in
linecache so tracebacks show the lines; only the script's own frames are kept.

Cases whose first line is `# expect: hand-written` are SessionLab-specific (step budget,
memory limits, unsupported syntax) and are not recorded: their .json is written by hand, with
"message": null meaning "not compared" and "traceback": null meaning "not compared".

usage: record_script_expectations.py [--check] [FILES...]
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "script"

RUNNER = r'''
import io, json, linecache, sys, traceback
src = sys.stdin.read()
linecache.cache["<playground>"] = (len(src), None, src.splitlines(True), "<playground>")
out = io.StringIO()
real = sys.stdout
sys.stdout = out
error = None
text = None
try:
    code = compile(src, "<playground>", "exec")
    exec(code, {"__name__": "__main__"})
except BaseException as e:
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != "<playground>":
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(e), e, tb))
    if isinstance(e, SyntaxError):
        line = e.lineno
    else:
        frames = [f for f in traceback.extract_tb(tb) if f.filename == "<playground>"]
        line = frames[-1].lineno if frames else None
    error = {"type": type(e).__name__, "message": str(e), "line": line}
sys.stdout = real
print(json.dumps({"stdout": out.getvalue(), "error": error, "traceback": text}))
'''


def record(path):
    src = path.read_text()
    res = subprocess.run([sys.executable, "-X", "no_debug_ranges", "-c", RUNNER], input=src,
                         capture_output=True, text=True, timeout=60)
    data = json.loads(res.stdout)
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    files = [Path(a) for a in args] or sorted(CASES.glob("*.py"))
    changed = 0
    for f in files:
        if f.read_text().startswith("# expect: hand-written"):
            continue
        text = record(f)
        out = f.with_suffix(".json")
        if check:
            if not out.exists() or out.read_text() != text:
                print(f"changed: {f.name}")
                changed += 1
        else:
            out.write_text(text)
    print(f"{len(files)} cases, {changed} changed" if check else f"recorded {len(files)} cases")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
