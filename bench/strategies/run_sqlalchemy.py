"""The strategies with real SQLAlchemy on CPython, for the benchmark's anchor.

usage: python run_sqlalchemy.py STRATEGY.py N   ->  one JSON line {"total_ms": …, "statements": …}
The setup is the compare lesson's (web/lessons/compare/setup.py); it (and, for LOADED
strategies, loading the N objects) is not timed.
"""
import json
import pathlib
import sys
import time

from sqlalchemy import event

here = pathlib.Path(__file__).parent
strategy, n = sys.argv[1], int(sys.argv[2])
source = (here / strategy).read_text()
scope = {"N": n}
exec((here / ".." / ".." / "web" / "lessons" / "compare" / "setup.py").read_text(), scope)
if "LOADED" in source:
    scope["loaded"] = scope["session"].query(scope["Stuff"]).all()
statements = []
event.listen(scope["engine"], "before_cursor_execute", lambda *a: statements.append(1))
started = time.perf_counter()
exec(source, scope)
total = (time.perf_counter() - started) * 1000
print(json.dumps({"total_ms": total, "statements": len(statements)}))
