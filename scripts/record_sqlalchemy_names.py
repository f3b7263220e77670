"""Writes crate/src/sqlalchemy/sqlalchemy_names.txt: the public names of SQLAlchemy 2.1.9's
documented modules, so that a name SessionLab lacks is `NotImplementedError` by name, not an
`ImportError`/`AttributeError` that reads as a typo. Run with real SQLAlchemy:

    /path/to/venv/bin/python scripts/record_sqlalchemy_names.py
"""
import importlib
import pathlib
import types

import sqlalchemy

MODULES = """sqlalchemy sqlalchemy.orm sqlalchemy.types sqlalchemy.schema sqlalchemy.sql
sqlalchemy.sql.expression sqlalchemy.sql.functions sqlalchemy.sql.operators sqlalchemy.sql.sqltypes
sqlalchemy.sql.dml 
sqlalchemy.engine sqlalchemy.engine.url sqlalchemy.engine.result sqlalchemy.engine.reflection
sqlalchemy.event sqlalchemy.events sqlalchemy.inspection sqlalchemy.pool
sqlalchemy.orm.collections sqlalchemy.orm.attributes sqlalchemy.orm.session sqlalchemy.orm.query
sqlalchemy.orm.strategy_options sqlalchemy.orm.properties
sqlalchemy.orm.relationships sqlalchemy.orm.decl_api 
sqlalchemy.orm.util sqlalchemy.orm.dynamic sqlalchemy.orm.writeonly
sqlalchemy.orm.events sqlalchemy.ext sqlalchemy.ext.hybrid sqlalchemy.ext.associationproxy
sqlalchemy.ext.automap sqlalchemy.ext.mutable sqlalchemy.ext.orderinglist sqlalchemy.ext.compiler
sqlalchemy.ext.declarative sqlalchemy.ext.horizontal_shard sqlalchemy.ext.indexable
sqlalchemy.ext.serializer sqlalchemy.ext.instrumentation sqlalchemy.dialects
sqlalchemy.dialects.sqlite sqlalchemy.dialects.postgresql sqlalchemy.dialects.mysql
sqlalchemy.dialects.oracle sqlalchemy.dialects.mssql sqlalchemy.future""".split()
# Modules that need packages the recording venv lacks (greenlet): known by name only.
NAME_ONLY = ["sqlalchemy.ext.asyncio"]


def public(mod):
    """The names `from mod import name` finds that belong to SQLAlchemy."""
    out = []
    for name in sorted(dir(mod)):
        if name.startswith("_"):
            continue
        obj = getattr(mod, name)
        if isinstance(obj, types.ModuleType):
            keep = obj.__name__.startswith("sqlalchemy")
        else:
            keep = str(getattr(obj, "__module__", "") or "").startswith("sqlalchemy")
        if keep:
            out.append(name)
    return out


lines = [f"# SQLAlchemy {sqlalchemy.__version__}: module: public names (scripts/record_sqlalchemy_names.py)"]
for m in MODULES:
    lines.append(f"{m}: {' '.join(public(importlib.import_module(m)))}")
for m in NAME_ONLY:
    lines.append(f"{m}:")
out = pathlib.Path(__file__).resolve().parent.parent / "crate/src/sqlalchemy/sqlalchemy_names.txt"
out.write_text("\n".join(lines) + "\n")
print(f"{out}: {len(lines) - 1} modules")
