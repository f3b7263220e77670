"""SessionLab's second engine: a script under *real* SQLAlchemy (in Pyodide), observed by
SQLAlchemy's own events and reported in SessionLab's run-report format (web/lab.d.ts).

The page's Pyodide worker (web/pyodide-worker.js) imports this module once and calls
`run_json(setup, source, n, max_rows)` per run.  It follows tests/conformance/record.py, the
recorder the goldens come from, and adds what the page shows besides: each statement's time,
row count and cause, the traceback, the session snapshot and the run's timing.

* `create_engine` is replaced: every SQLite URL (whatever its file name) is served by one
  in-memory sqlite3 connection per database name (`sqlite://` gets its own), handed out by a
  StaticPool, so nothing touches a file; other backends go to the real `create_engine`, which
  fails for the missing driver exactly as SQLAlchemy does (Pyodide has no sockets either).
* SQL: `before_cursor_execute` gives the text and the parameters as they go to the DBAPI;
  whether the DBAPI call was really an executemany comes from the cursor itself (a
  `sqlite3.Cursor` subclass), as in the recorder.  Time and rowcount from
  `after_cursor_execute`.  The cause is read off the Python stack at that moment: which
  SQLAlchemy function asked for the statement (autoflush, the flush of a commit, a lazy load,
  a bulk UPDATE/DELETE with its synchronize_session, an ORM query, DDL).
* Transactions: the `begin`, `commit`, `rollback` engine events.
* Sessions: every live Session (`sqlalchemy.orm.session._sessions`) at the end, through
  `inspect()`: status, and per column attribute loaded / expired / modified (with the committed
  value) / stale against the row, which is read on the session's own connection unobserved.
"""
import contextlib
import gc
import io
import json
import linecache
import math
import platform
import re
import sqlite3
import sys
import time
import traceback
import warnings

SCRIPT = "<playground>"
SETUP = "<setup>"
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
DDL_START = re.compile(r"\s*(?:CREATE|DROP|ALTER|PRAGMA)\b", re.IGNORECASE)
DML_START = re.compile(r"\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# Keyword arguments of create_engine that name a pool or a connection: the in-memory
# database replaces them.
DROPPED = {"poolclass", "pool", "pool_size", "max_overflow", "pool_timeout", "pool_recycle",
           "pool_pre_ping", "pool_use_lifo", "pool_reset_on_return", "creator",
           "connect_args", "echo_pool", "echo"}


def scrub(text):
    return ADDRESS.sub(" at 0x?", text)


def now_ms():
    return time.perf_counter() * 1000.0


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


def _in(frame, suffix):
    return frame.f_code.co_filename.replace("\\", "/").endswith(suffix)


def cause_from_stack(frame):
    """Who asked for the statement being sent, from the innermost SQLAlchemy frame that says."""
    flushing = False
    while frame is not None:
        name = frame.f_code.co_name
        if frame.f_code.co_filename in (SCRIPT, SETUP):
            break
        if _in(frame, "orm/strategies.py") and name == "_emit_lazyload":
            lazy = frame.f_locals.get("self")
            state = frame.f_locals.get("state")
            try:
                return {"kind": "lazy_load",
                        "attribute": "%s.%s" % (state.class_.__name__, lazy.key)}
            except AttributeError:
                return {"kind": "lazy_load", "attribute": "?"}
        if _in(frame, "orm/loading.py") and name == "_load_scalar_attributes":
            return {"kind": "lazy_load", "attribute": _read_attribute(frame)}
        if _in(frame, "orm/session.py"):
            if name == "_autoflush":
                return {"kind": "autoflush"}
            if name in ("flush", "_flush"):
                flushing = True
            elif flushing and name in ("_prepare_impl", "commit"):
                return {"kind": "flush", "trigger": "commit"}
            elif flushing and name == "close":
                return {"kind": "flush", "trigger": "close"}
        if _in(frame, "orm/bulk_persistence.py") and not flushing:
            options = frame.f_locals.get("update_options")
            sync = getattr(options, "_synchronize_session", None)
            if sync is not None and sync != "auto":
                return {"kind": "bulk", "strategy": "False" if sync is False else str(sync)}
        if not flushing and (_in(frame, "orm/context.py") or _in(frame, "orm/query.py")
                             or (_in(frame, "orm/loading.py") and name.startswith("_load_on"))):
            return {"kind": "query"}
        if name in ("create_all", "drop_all", "_run_ddl_visitor") and _in(frame, "sql/schema.py"):
            return {"kind": "ddl"}
        frame = frame.f_back
    if flushing:
        return {"kind": "flush", "trigger": "flush"}
    return {"kind": "execute"}


def _read_attribute(frame):
    """`Class.attr` of the attribute read that triggered a load of expired attributes."""
    mapper = frame.f_locals.get("mapper")
    names = frame.f_locals.get("attribute_names")
    f = frame.f_back
    while f is not None and f.f_code.co_filename not in (SCRIPT, SETUP):
        if _in(f, "orm/attributes.py") and f.f_code.co_name in ("get", "__get__"):
            impl = f.f_locals.get("self")
            key = getattr(impl, "key", None)
            if isinstance(key, str) and mapper is not None:
                return "%s.%s" % (mapper.class_.__name__, key)
        f = f.f_back
    first = sorted(names)[0] if names else "?"
    return "%s.%s" % (getattr(getattr(mapper, "class_", None), "__name__", "?"), first)


def script_line(frame):
    """The line of the script being executed (innermost script frame)."""
    while frame is not None:
        if frame.f_code.co_filename == SCRIPT:
            return frame.f_lineno
        frame = frame.f_back
    return None


class Recording:
    """Everything observed while one run goes."""

    def __init__(self):
        self.active = True
        self.started = now_ms()
        self.events = []
        self.databases = []        # sqlite3 connections, in order of creation
        self.named = {}            # database name of a SQLite URL -> its connection
        self.engine_db = {}        # id(engine) -> its connection
        self.awaiting = None       # the statement announced, not yet sent to the DBAPI
        self.sent_at = None

    def add(self, event):
        if not self.active:
            return None
        frame = sys._getframe(2)
        event["line"] = script_line(frame)
        event["at_ms"] = now_ms() - self.started
        event.setdefault("elapsed_ms", 0.0)
        self.events.append(event)
        return event

    def dbapi_call(self, statement, parameters, many):
        pending = self.awaiting
        if not self.active or pending is None:
            return
        self.awaiting = None
        if pending["sql"] != statement:
            return
        pending["many"] = many
        pending["params"] = to_json_value(parameters)

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

    def watch(self, engine, conn):
        from sqlalchemy import event

        def before(connection, cursor, statement, parameters, context, executemany):
            if not self.active:
                return
            entry = self.add({"kind": "sql", "sql": statement,
                              "params": to_json_value(parameters), "many": bool(executemany),
                              "ddl": bool(DDL_START.match(statement)),
                              "cause": cause_from_stack(sys._getframe(1))})
            self.awaiting = entry
            self.sent_at = now_ms()

        def after(connection, cursor, statement, parameters, context, executemany):
            if not self.active or not self.events:
                return
            last = self.events[-1]
            if last.get("kind") != "sql" or last.get("sql") != statement:
                return
            last["elapsed_ms"] = now_ms() - (self.sent_at or now_ms())
            # With RETURNING, sqlite3 counts rows only as they are fetched: unknown here.
            if DML_START.match(statement) and "RETURNING" not in statement.upper():
                count = getattr(cursor, "rowcount", -1)
                if isinstance(count, int) and count >= 0:
                    last["rowcount"] = count

        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)
        for kind in ("begin", "commit", "rollback"):
            event.listen(engine, kind, lambda c, _kind=kind: self.add({"kind": _kind}))
        if conn is not None:
            self.engine_db[id(engine)] = conn

    def install(self):
        """Replaces create_engine wherever a script may import it from."""
        import sqlalchemy
        import sqlalchemy.engine
        import sqlalchemy.engine.create
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import StaticPool

        real = getattr(sqlalchemy.engine.create, "_sessionlab_real", None)
        if real is None:
            real = sqlalchemy.engine.create.create_engine
            sqlalchemy.engine.create._sessionlab_real = real

        def create_engine(url, *args, **kwargs):
            parsed = make_url(url)
            if parsed.get_backend_name() != "sqlite":
                engine = real(url, *args, **kwargs)
                self.watch(engine, None)
                return engine
            name = parsed.database or ""
            shared = name not in ("", ":memory:")
            if shared and name in self.named:
                conn = self.named[name]
            else:
                conn = self.new_database()
                if shared:
                    self.named[name] = conn
            kwargs = {k: v for k, v in kwargs.items() if k not in DROPPED}
            engine = real("sqlite://", *args, creator=lambda: conn, poolclass=StaticPool,
                          echo=False, **kwargs)
            self.watch(engine, conn)
            return engine

        create_engine.__doc__ = real.__doc__
        sqlalchemy.create_engine = create_engine
        sqlalchemy.engine.create_engine = create_engine
        sqlalchemy.engine.create.create_engine = create_engine
        try:
            import sqlalchemy.future
            sqlalchemy.future.create_engine = create_engine
        except ImportError:
            pass


def read_tables(conn, max_rows):
    cur = sqlite3.Cursor(conn)
    names = [row[0] for row in cur.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    tables = {}
    for name in names:
        quoted = '"%s"' % name.replace('"', '""')
        limit = "" if max_rows is None else " LIMIT %d" % (max_rows + 1)
        try:
            cur.execute("SELECT * FROM %s ORDER BY rowid%s" % (quoted, limit))
        except sqlite3.OperationalError:  # WITHOUT ROWID
            cur.execute("SELECT * FROM %s%s" % (quoted, limit))
        rows = [to_json_value(list(row)) for row in cur.fetchall()]
        dump = {"columns": [d[0] for d in cur.description], "rows": rows}
        if max_rows is not None and len(rows) > max_rows:
            dump["rows"] = rows[:max_rows]
            dump["total_rows"] = cur.execute("SELECT count(*) FROM %s" % quoted).fetchone()[0]
        tables[name] = dump
    cur.close()
    return tables


def _column_attributes(mapper):
    from sqlalchemy.orm import ColumnProperty
    return [p for p in mapper.iterate_properties if isinstance(p, ColumnProperty)]


def _database_row(rec, session, mapper, identity, props):
    """The object's row as the database holds it (unobserved), or None."""
    try:
        bind = session.get_bind(mapper)
    except Exception:
        return None
    conn = rec.engine_db.get(id(bind))
    table = mapper.local_table
    pk = list(mapper.primary_key)
    if conn is None or identity is None or len(pk) != len(identity):
        return None
    q = lambda n: '"%s"' % str(n).replace('"', '""')
    columns = [p.columns[0] for p in props]
    if any(getattr(c, "table", None) is not table for c in columns):
        return None
    sql = "SELECT %s FROM %s WHERE %s" % (
        ", ".join(q(c.name) for c in columns), q(table.name),
        " AND ".join("%s = ?" % q(c.name) for c in pk))
    try:
        cur = sqlite3.Cursor(conn)
        row = cur.execute(sql, [to_db(c, v, bind) for c, v in zip(pk, identity)]).fetchone()
        cur.close()
    except Exception:
        return None
    if row is None:
        return None
    out = []
    for column, raw in zip(columns, row):
        try:
            process = column.type.result_processor(bind.dialect, None)
            out.append(process(raw) if process else raw)
        except Exception:
            out.append(raw)
    return out


def to_db(column, value, bind):
    try:
        process = column.type.bind_processor(bind.dialect)
        return process(value) if process else value
    except Exception:
        return value


def _status(state):
    for name in ("deleted", "detached", "persistent", "pending", "transient"):
        if getattr(state, name, False):
            return name
    return "transient"


def snapshot_sessions(rec, first_key):
    from sqlalchemy import inspect
    from sqlalchemy.orm.base import NO_VALUE
    from sqlalchemy.orm.session import _sessions

    out = []
    for key in sorted(k for k in list(_sessions.keys()) if k >= first_key):
        session = _sessions.get(key)
        if session is None:
            continue
        objects = []
        seen = set()
        members = list(session.identity_map.values()) + list(session.new)
        for obj in members:
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            state = inspect(obj)
            mapper = state.mapper
            props = _column_attributes(mapper)
            identity = list(state.identity) if state.identity is not None else None
            row = _database_row(rec, session, mapper, identity, props) if identity else None
            attributes = []
            for i, prop in enumerate(props):
                k = prop.key
                loaded = k in state.dict
                modified = k in state.committed_state
                old = state.committed_state.get(k, NO_VALUE)
                believed = old if modified else state.dict.get(k, NO_VALUE)
                db = row[i] if row is not None else NO_VALUE
                stale = (believed is not NO_VALUE and db is not NO_VALUE
                         and not _same(believed, db))
                attributes.append({
                    "name": k,
                    "value": scrub(repr(state.dict[k])) if loaded else None,
                    "loaded": loaded,
                    "expired": k in state.expired_attributes,
                    "modified": modified,
                    "committed": scrub(repr(old)) if modified and old is not NO_VALUE else None,
                    "stale": stale,
                    "database": scrub(repr(db)) if db is not NO_VALUE else None,
                })
            objects.append({
                "class": mapper.class_.__name__,
                "identity": to_json_value(identity) if identity is not None else None,
                "status": _status(state),
                "attributes": attributes,
            })
        out.append({"number": key - first_key + 1, "objects": objects})
    return out


def _same(a, b):
    try:
        return bool(a == b)
    except Exception:
        return False


def _error(exc, script_name):
    """The error entry of the report: type, module, message, script line and column, traceback."""
    line = column = None
    tb = exc.__traceback__
    frames = traceback.extract_tb(tb)
    for f in frames:
        if f.filename == script_name:
            line = f.lineno
            column = (f.colno or 0) + 1
    if isinstance(exc, SyntaxError) and exc.filename == script_name:
        line = exc.lineno
        column = exc.offset or 1
    # Our own frame (the exec below) is not the reader's business.
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return {"type": type(exc).__name__, "module": type(exc).__module__,
            "message": scrub(str(exc)), "line": line or 0, "column": column or 1,
            "traceback": scrub(text)}


# Modules that reach outside the interpreter (Pyodide's bridge to JavaScript: fetch, the
# worker's globals) are not importable by the scripts, so a pasted or shared script can do no
# more here than in SessionLab's own engine.
BLOCKED = ("js", "pyodide", "pyodide_js", "_pyodide", "micropip")


def _blocked(name):
    return any(name == b or name.startswith(b + ".") for b in BLOCKED)


class _BlockBridge:
    """A meta-path finder refusing the bridge modules while a script runs."""

    def find_spec(self, name, path=None, target=None):
        if _blocked(name):
            raise ModuleNotFoundError("No module named %r (not available to scripts here)" % name,
                                      name=name)
        return None


@contextlib.contextmanager
def _without_bridge():
    hidden = {k: sys.modules.pop(k) for k in list(sys.modules) if _blocked(k)}
    finder = _BlockBridge()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        sys.modules.update(hidden)


@contextlib.contextmanager
def _scoped_listeners():
    """Removes the event listeners a run registered when it ends: every run here shares one
    interpreter, and a listener on a class (`event.listen(Engine, "connect", f)`) would
    otherwise fire in every later run, as it cannot across separate processes."""
    from sqlalchemy import event
    from sqlalchemy.event import api

    registered = []
    original = api.listen

    def listen(target, identifier, fn, *args, **kw):
        registered.append((target, identifier, fn))
        return original(target, identifier, fn, *args, **kw)

    event.listen = api.listen = listen
    try:
        yield
    finally:
        event.listen = api.listen = original
        for target, identifier, fn in reversed(registered):
            try:
                if event.contains(target, identifier, fn):
                    event.remove(target, identifier, fn)
            except Exception:  # a listener SQLAlchemy cannot remove stays; the run is over
                pass


def _run_code(source, filename, namespace):
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)


def run(setup, source, n=1000, max_rows=10000):
    """Runs `source` (after `setup` with `N = n`, when given); returns the run report (a dict)."""
    import sqlalchemy
    from sqlalchemy.orm import session as orm_session

    gc.collect()
    rec = Recording()
    rec.install()
    first_key = orm_session._new_sessionid() + 1
    namespace = {"__name__": "__main__", "__file__": SCRIPT, "__builtins__": __builtins__}
    out = io.StringIO()
    error = None
    error_in = "script"
    setup_ms = 0.0
    tables_before = None
    skip_events = skip_stdout = 0
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out), \
            _without_bridge(), _scoped_listeners():
        warnings.simplefilter("default")
        if setup is not None:
            namespace["N"] = int(n)
            started = now_ms()
            try:
                _run_code(setup, SETUP, namespace)
            except Exception as exc:
                error, error_in = _error(exc, SETUP), "setup"
            setup_ms = now_ms() - started
            if error is None:
                skip_events, skip_stdout = len(rec.events), len(out.getvalue())
                del caught[:]
                if rec.databases:
                    rec.active = False
                    tables_before = read_tables(rec.databases[0], max_rows)
                    rec.active = True
        started = now_ms()
        if error is None:
            try:
                _run_code(source, SCRIPT, namespace)
            except Exception as exc:  # whatever escapes the script is part of the result
                error = _error(exc, SCRIPT)
        total_ms = now_ms() - started
    rec.active = False
    try:
        sessions = snapshot_sessions(rec, first_key)
    except Exception:  # the snapshot is a view; a failure must not lose the report
        sessions = []
    uncommitted = False
    tables = {}
    if rec.databases:
        first = rec.databases[0]
        uncommitted = first.in_transaction
        if uncommitted:
            first.rollback()
        tables = read_tables(first, max_rows)
    events = rec.events
    stdout = out.getvalue()
    if error_in == "script" and setup is not None:
        events = events[skip_events:]
        stdout = stdout[skip_stdout:]
    sql = [e for e in events if e["kind"] == "sql"]
    sqlite_ms = sum(e["elapsed_ms"] for e in sql)
    report = {
        "events": events,
        "stdout": scrub(stdout),
        "error": error,
        "tables": tables,
        "uncommitted_at_exit": bool(uncommitted),
        "warnings": [{"category": w.category.__name__, "message": scrub(str(w.message))}
                     for w in caught],
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite_version": sqlite3.sqlite_version,
        "python": platform.python_version(),
        "sessions": sessions,
        "timing": {"total_ms": total_ms, "sqlite_ms": sqlite_ms,
                   "python_ms": max(total_ms - sqlite_ms, 0.0), "statements": len(sql),
                   "rows_changed": sum(e.get("rowcount", 0) for e in sql
                                       if DML_START.match(e["sql"])),
                   "setup_ms": setup_ms},
        "error_in": error_in,
        "engine": "sqlalchemy",
    }
    if tables_before is not None:
        report["tables_before"] = tables_before
    namespace.clear()
    gc.collect()
    return report


def run_json(setup, source, n=1000, max_rows=10000):
    """`run` as JSON text (what crosses into JavaScript)."""
    return json.dumps(run(setup, source, n, max_rows), ensure_ascii=False)
