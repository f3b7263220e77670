#!/usr/bin/env python3
"""SessionLab conformance recorder: run a SQLAlchemy script under *real* SQLAlchemy and write
down, as one JSON document, what reached SQLite.

Usage (run it with a Python that has SQLAlchemy 2.1.9 installed, see README.md):

    record.py SCRIPT.py        print the report of one script on stdout
    record.py --all            (re-)record every cases/*.py into the cases/*.json beside it
    record.py --check          record every case again and compare it, byte for byte, with
                               the stored .json; exit status 1 if anything changed
  options for --all / --check:
    --filter TEXT              only case files whose name contains TEXT
    --cases DIR                another folder of cases, e.g. /work/shared/conformance/cases
                               (`--check --cases DIR` compares this recorder with the shared
                               harness's recordings)

Only the Python standard library and SQLAlchemy are used.  Each script runs in a fresh
interpreter (a child process of this one), so mapped classes, registries and the patched
create_engine never leak from one case into the next.

How a script is observed
------------------------
* `create_engine` is replaced (on `sqlalchemy`, `sqlalchemy.engine` and
  `sqlalchemy.engine.create`) before the script is executed.  Every SQLite URL, whatever
  its database name, is served by one in-memory `sqlite3` connection per distinct database
  (a StaticPool handing out that very connection), so nothing is written to disk and the
  database can be read back at the end through the connection SQLAlchemy used.  Two engines
  on the same file name share their database; each `sqlite://` gets its own.
  A URL of another backend (postgresql://, mysql://, ...) is handed unchanged to the real
  `create_engine`, so the script sees whatever SQLAlchemy really does with it (typically a
  missing-driver ModuleNotFoundError or NoSuchModuleError).  NOTE: the shared harness
  (`/work/shared/conformance/harness.py`) instead turns such URLs into SQLite databases.
* SQL: SQLAlchemy's `before_cursor_execute` engine event gives the statement text and the
  parameters exactly as they go to the DBAPI.  Whether the DBAPI call really was an
  `executemany` is taken from the sqlite3 cursor itself: the connection is a
  `sqlite3.Connection` subclass whose cursors note every `execute`/`executemany` and attach
  it to the statement announced last.  (SQLAlchemy announces an "insertmanyvalues" batch as
  executemany=True although the SQLite dialect ends up sending one `execute` per row.)
  Cursor calls SQLAlchemy makes without announcing them (dialect initialisation) are not
  statements of the script and are not reported.
* Transactions: the `begin`, `commit` and `rollback` engine events (SQLAlchemy's
  "BEGIN (implicit)", "COMMIT", "ROLLBACK").
* `line`: the line of the script being executed when the event happened (innermost frame of
  the script on the stack).
* stdout: everything the script printed (sys.stdout redirected into a buffer).
* error: the exception that escaped the script: type name, module, str() and the last
  line of the script in its traceback (for a SyntaxError in the script, its line).
* tables: after the script, the first database's open transaction (if any) is rolled back,
  as at process exit, and every table (`sqlite_master`, type 'table', not `sqlite_%`) is
  read `ORDER BY rowid`.
* warnings: every warning raised while the script ran (filter "default").

Object addresses (" at 0x7f3a...") are replaced by " at 0x?" in stdout, error messages and
warnings.  Output: keys sorted, indent=1, ensure_ascii=False, trailing newline.
"""
import contextlib
import io
import json
import math
import os
import platform
import re
import sqlite3
import subprocess
import sys
import types
import warnings
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "cases")

ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
DDL_START = re.compile(r"\s*(?:CREATE|DROP|ALTER|PRAGMA)\b", re.IGNORECASE)


def scrub_addresses(text):
    return ADDRESS.sub(" at 0x?", text)


def to_json_value(value):
    """A bound parameter or stored value in the report's JSON encoding."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return {"float": "nan"}
        if math.isinf(value):
            return {"float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    return {"python": type(value).__name__, "repr": repr(value)}


class Recording:
    """Everything observed while one script runs."""

    def __init__(self, script_name):
        self.script_name = script_name
        self.active = True
        self.events = []
        self.notes = []
        self.engines = []
        self.databases = []        # sqlite3 connections, in order of creation
        self.named_databases = {}  # database name of a sqlite URL -> sqlite3 connection
        self.awaiting_dbapi = None  # the sql event announced but not yet sent to the DBAPI

    # -- helpers ---------------------------------------------------------------------------
    def script_line(self):
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.script_name:
                return frame.f_lineno
            frame = frame.f_back
        return None

    def add(self, event):
        if self.active:
            event["line"] = self.script_line()
            self.events.append(event)

    # -- DBAPI side ------------------------------------------------------------------------
    def dbapi_call(self, statement, parameters, many):
        pending = self.awaiting_dbapi
        if not self.active or pending is None:
            return
        self.awaiting_dbapi = None
        if pending["sql"] != statement:
            self.notes.append("DBAPI statement differs from the announced one: %r"
                              % statement[:80])
            return
        pending["many"] = many
        sent = to_json_value(parameters)
        if sent != pending["params"]:
            self.notes.append("DBAPI parameters differ from the announced ones: %r"
                              % statement[:80])
            pending["params"] = sent

    def new_database(self):
        rec = self

        class ObservedCursor(sqlite3.Cursor):
            def execute(self, sql, parameters=()):
                rec.dbapi_call(sql, parameters, False)
                return super().execute(sql, parameters)

            def executemany(self, sql, seq_of_parameters):
                if not isinstance(seq_of_parameters, (list, tuple)):
                    seq_of_parameters = list(seq_of_parameters)
                rec.dbapi_call(sql, seq_of_parameters, True)
                return super().executemany(sql, seq_of_parameters)

        class ObservedConnection(sqlite3.Connection):
            def cursor(self, factory=ObservedCursor):
                return super().cursor(factory)

        conn = sqlite3.connect(":memory:", factory=ObservedConnection, check_same_thread=False)
        self.databases.append(conn)
        return conn

    # -- SQLAlchemy side -------------------------------------------------------------------
    def watch(self, engine):
        from sqlalchemy import event

        def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
            if not self.active:
                return
            entry = {"kind": "sql", "sql": statement, "params": to_json_value(parameters),
                     "many": bool(executemany), "ddl": bool(DDL_START.match(statement))}
            self.add(entry)
            self.awaiting_dbapi = entry

        event.listen(engine, "before_cursor_execute", before_cursor_execute)
        for kind in ("begin", "commit", "rollback"):
            event.listen(engine, kind, lambda conn, _kind=kind: self.add({"kind": _kind}))
        self.engines.append(engine)

    def install(self):
        """Replace create_engine everywhere a script may import it from."""
        import sqlalchemy
        import sqlalchemy.engine
        import sqlalchemy.engine.create
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import StaticPool

        real_create_engine = sqlalchemy.engine.create.create_engine
        dropped = {"poolclass", "pool", "pool_size", "max_overflow", "pool_timeout",
                   "pool_recycle", "pool_pre_ping", "pool_use_lifo", "pool_reset_on_return",
                   "creator", "connect_args", "echo_pool", "echo"}

        def create_engine(url, *args, **kwargs):
            parsed = make_url(url)
            if parsed.get_backend_name() != "sqlite":
                engine = real_create_engine(url, *args, **kwargs)
                self.watch(engine)
                return engine
            name = parsed.database or ""
            shared = name not in ("", ":memory:")
            if shared and name in self.named_databases:
                conn = self.named_databases[name]
            else:
                conn = self.new_database()
                if shared:
                    self.named_databases[name] = conn
            kwargs = {k: v for k, v in kwargs.items() if k not in dropped}
            engine = real_create_engine("sqlite://", *args, creator=lambda: conn,
                                        poolclass=StaticPool, echo=False, **kwargs)
            self.watch(engine)
            return engine

        sqlalchemy.create_engine = create_engine
        sqlalchemy.engine.create_engine = create_engine
        sqlalchemy.engine.create.create_engine = create_engine
        try:
            import sqlalchemy.future
            sqlalchemy.future.create_engine = create_engine
        except ImportError:
            pass


def read_tables(conn):
    cur = sqlite3.Cursor(conn)
    names = [row[0] for row in cur.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    tables = {}
    for name in names:
        cur.execute('SELECT * FROM "%s" ORDER BY rowid' % name.replace('"', '""'))
        tables[name] = {"columns": [d[0] for d in cur.description],
                        "rows": [to_json_value(list(row)) for row in cur.fetchall()]}
    cur.close()
    return tables


def last_script_line(tb, script_name):
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == script_name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def record(path):
    """Run one script in this interpreter and return its report (a dict)."""
    import sqlalchemy

    script_name = os.path.basename(path)
    rec = Recording(script_name)
    rec.install()
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    out = io.StringIO()
    error = None
    # the script runs as the real `__main__` module, so that what looks a class's module up
    # (string annotations of `from __future__ import annotations`) finds the script's names
    main_module = types.ModuleType("__main__")
    namespace = main_module.__dict__
    namespace.update({"__file__": script_name, "__builtins__": __builtins__})
    saved_main = sys.modules.get("__main__")
    sys.modules["__main__"] = main_module
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
        warnings.simplefilter("default")
        try:
            exec(compile(source, script_name, "exec"), namespace)
        except Exception as exc:  # whatever escapes the script is part of the result
            line = last_script_line(exc.__traceback__, script_name)
            if isinstance(exc, SyntaxError) and exc.filename == script_name:
                line = exc.lineno
            error = {"type": type(exc).__name__, "module": type(exc).__module__,
                     "message": scrub_addresses(str(exc)), "line": line}
    rec.active = False
    if saved_main is not None:
        sys.modules["__main__"] = saved_main

    uncommitted = False
    tables = {}
    if rec.databases:
        first = rec.databases[0]
        uncommitted = first.in_transaction
        if uncommitted:
            first.rollback()
        tables = read_tables(first)

    report = {
        "events": rec.events,
        "stdout": scrub_addresses(out.getvalue()),
        "error": error,
        "tables": tables,
        "uncommitted_at_exit": bool(uncommitted),
        "warnings": [{"category": w.category.__name__, "message": scrub_addresses(str(w.message))}
                     for w in caught],
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite_version": sqlite3.sqlite_version,
        "python": platform.python_version(),
    }
    if len(rec.databases) > 1:
        report["extra_databases"] = len(rec.databases) - 1
    if rec.notes:
        report["harness_notes"] = rec.notes
    return report


def render(report):
    return json.dumps(report, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def record_in_child(path):
    """The report text of one script, recorded by a fresh interpreter."""
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), path],
                          capture_output=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError("recording %s failed:\n%s" % (path, proc.stderr.decode()))
    return proc.stdout.decode("utf-8")


def case_scripts(cases_dir, pattern):
    return sorted(os.path.join(cases_dir, f) for f in os.listdir(cases_dir)
                  if f.endswith(".py") and pattern in f)


def first_difference(old, new):
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for i in range(max(len(old_lines), len(new_lines))):
        a = old_lines[i] if i < len(old_lines) else "<end>"
        b = new_lines[i] if i < len(new_lines) else "<end>"
        if a != b:
            return "line %d: stored %r, now %r" % (i + 1, a, b)
    return "no line differs"


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(
        description="Record SQLAlchemy scripts as conformance reports (see the module docstring).")
    parser.add_argument("script", nargs="?", help="one script: print its report on stdout")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--all", action="store_true",
                      help="re-record every case script into the .json beside it")
    mode.add_argument("--check", action="store_true",
                      help="record every case again and compare with the stored .json")
    parser.add_argument("--filter", default="", help="only case files whose name contains TEXT")
    parser.add_argument("--cases", default=CASES_DIR,
                        help="folder of case scripts (default: cases/ next to this file)")
    args = parser.parse_args(argv[1:])

    if not (args.all or args.check):
        if not args.script:
            parser.print_help(sys.stderr)
            return 2
        sys.stdout.buffer.write(render(record(args.script)).encode("utf-8"))
        return 0
    if args.script:
        parser.error("--all/--check take no script (use --filter)")

    scripts = case_scripts(args.cases, args.filter)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as pool:
        texts = list(pool.map(record_in_child, scripts))
    changed = 0
    for script, text in zip(scripts, texts):
        target = script[:-3] + ".json"
        name = os.path.basename(script)
        if args.all:
            with open(target, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            print("recorded", name)
            continue
        try:
            with open(target, encoding="utf-8") as fh:
                stored = fh.read()
        except FileNotFoundError:
            stored = ""
        if stored != text:
            changed += 1
            print("CHANGED %s: %s" % (name, first_difference(stored, text)))
    if args.all:
        print("%d cases recorded" % len(scripts))
        return 0
    print("%d cases, %d unchanged, %d changed" % (len(scripts), len(scripts) - changed, changed))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
