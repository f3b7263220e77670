from setups import *
TUT = ["tutorial/engine.rst", "tutorial/dbapi_transactions.rst", "tutorial/metadata.rst",
       "tutorial/data_insert.rst", "tutorial/data_select.rst", "tutorial/data_update.rst",
       "tutorial/orm_data_manipulation.rst", "tutorial/orm_related_objects.rst"]
def tut(page, setup, desc):
    rel = "tutorial/%s.rst" % page
    return dict(name="tutorial_" + page, rel=rel, chain=TUT[:TUT.index(rel)], setup=setup, setup_desc=desc)
DOCS = [
    tut("dbapi_transactions", ENGINE, "tutorial/engine.rst"),
    tut("metadata", ENGINE + SOME_TABLE, "tutorial/engine.rst, tutorial/dbapi_transactions.rst"),
    tut("data_insert", ENGINE + METADATA, "tutorial/engine.rst, tutorial/metadata.rst tables and mapping"),
    tut("data_select", ENGINE + METADATA + DATA_INSERT, "tutorial/engine.rst, tutorial/metadata.rst tables and mapping, tutorial/data_insert.rst rows"),
    tut("data_update", ENGINE + SOME_TABLE + METADATA + REFLECT + DATA_INSERT, "tutorial/engine.rst, tutorial/dbapi_transactions.rst, tutorial/metadata.rst, tutorial/data_insert.rst rows"),
    tut("orm_data_manipulation", ENGINE + METADATA + DATA_INSERT + DATA_UPDATE, "tutorial/engine.rst, tutorial/metadata.rst, tutorial/data_insert.rst, tutorial/data_update.rst"),
    tut("orm_related_objects", ENGINE + METADATA + DATA_INSERT + DATA_UPDATE + ORM_DATA, "tutorial/engine.rst, tutorial/metadata.rst, tutorial/data_insert.rst, tutorial/data_update.rst, tutorial/orm_data_manipulation.rst"),
]

import docparse
from build import join_code
def setup_text(rel):
    exs = [e for s in docparse.parse(rel) for e in s["examples"] if "+SKIP" not in e["source"]]
    return "# --- setup: doc/build/%s ---\n" % rel + join_code(exs)
PLAIN = "orm/queryguide/_plain_setup.rst"
END = "\n# --- doc/build/orm/queryguide/_end_doctest.rst (setup code, not for display) ---\n" + \
    join_code([e for s in docparse.parse("orm/queryguide/_end_doctest.rst") for e in s["examples"]])
DOCS += [
    dict(name="orm_quickstart", rel="orm/quickstart.rst"),
    dict(name="orm_queryguide_select", rel="orm/queryguide/select.rst", chain=[PLAIN],
         setup=setup_text(PLAIN), setup_desc="orm/queryguide/_plain_setup.rst; end: _end_doctest.rst", end=END),
    dict(name="orm_queryguide_columns", rel="orm/queryguide/columns.rst", include_setup=True,
         setup_desc="orm/queryguide/_deferred_setup.rst"),
    dict(name="orm_queryguide_relationships", rel="orm/queryguide/relationships.rst", chain=[PLAIN],
         setup=setup_text(PLAIN), setup_desc="orm/queryguide/_plain_setup.rst; end: _end_doctest.rst", end=END),
    dict(name="orm_queryguide_dml", rel="orm/queryguide/dml.rst", include_setup=True,
         setup_desc="orm/queryguide/_dml_setup.rst"),
    dict(name="orm_queryguide_inheritance", rel="orm/queryguide/inheritance.rst", include_setup=True,
         setup_desc="orm/queryguide/_inheritance_setup.rst"),
    dict(name="orm_queryguide_api", rel="orm/queryguide/api.rst", chain=[PLAIN, "orm/queryguide/select.rst"],
         setup=setup_text(PLAIN), setup_desc="orm/queryguide/_plain_setup.rst; end: _end_doctest.rst", end=END),
]
# the page's rows carry now() timestamps (the clock): the session is closed and one fixed
# value written so that the final tables compare
CLOCK_END = ("\n# --- adapted (not in the doc): the rows' timestamps are now(), the clock; the session is\n"
             "# closed and one fixed timestamp written so that the final tables compare ---\n"
             "from sqlalchemy import text\nsession.close()\nwith engine.begin() as conn:\n"
             "    conn.execute(text(\"UPDATE account_transaction SET timestamp = '2000-01-01 00:00:00.000000'\"))\n")
DOCS += [
    dict(name="core_operators", rel="core/operators.rst", first_section_setup=True,
         setup_desc="the page's hidden setup block"),
    dict(name="orm_large_collections", rel="orm/large_collections.rst", first_section_setup=True,
         setup_desc="the page's opening mapping and hidden create_all; end: fixed timestamps", end=CLOCK_END),
]
# The FAQ's doctested page: printing statements, literal binds, dialect compilation.
DOCS += [
    dict(name="faq_sqlexpressions", rel="faq/sqlexpressions.rst"),
]
