import glob, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "..", "docs")
DOCS = [
 ("tutorial_dbapi_transactions", "tutorial/dbapi_transactions.rst", "doctest"),
 ("tutorial_metadata", "tutorial/metadata.rst", "doctest"),
 ("tutorial_data_insert", "tutorial/data_insert.rst", "doctest"),
 ("tutorial_data_select", "tutorial/data_select.rst", "doctest"),
 ("tutorial_data_update", "tutorial/data_update.rst", "doctest"),
 ("tutorial_orm_data_manipulation", "tutorial/orm_data_manipulation.rst", "doctest"),
 ("tutorial_orm_related_objects", "tutorial/orm_related_objects.rst", "doctest"),
 ("orm_quickstart", "orm/quickstart.rst", "doctest"),
 ("orm_queryguide_select", "orm/queryguide/select.rst", "doctest"),
 ("orm_queryguide_columns", "orm/queryguide/columns.rst", "doctest"),
 ("orm_queryguide_relationships", "orm/queryguide/relationships.rst", "adapted"),
 ("orm_queryguide_dml", "orm/queryguide/dml.rst", "doctest"),
 ("orm_queryguide_inheritance", "orm/queryguide/inheritance.rst", "doctest"),
 ("orm_queryguide_api", "orm/queryguide/api.rst", "doctest"),
 ("orm_session_basics", "orm/session_basics.rst", "adapted"),
 ("orm_session_state_management", "orm/session_state_management.rst", "adapted"),
 ("orm_session_transaction", "orm/session_transaction.rst", "adapted"),
 ("orm_basic_relationships", "orm/basic_relationships.rst", "adapted"),
 ("orm_cascades", "orm/cascades.rst", "adapted"),
 ("core_operators", "core/operators.rst", "doctest"),
 ("orm_large_collections", "orm/large_collections.rst", "doctest"),
]
SETUP = {
 "tutorial_dbapi_transactions": "`engine.rst`'s engine",
 "tutorial_metadata": "engine; `some_table` of dbapi_transactions (for reflection)",
 "tutorial_data_insert": "engine; metadata.rst's tables and mapping",
 "tutorial_data_select": "engine; metadata.rst; data_insert.rst's rows",
 "tutorial_data_update": "as data_select, plus `some_table` reflected",
 "tutorial_orm_data_manipulation": "as data_select, plus data_update's executed UPDATE",
 "tutorial_orm_related_objects": "as above, plus orm_data_manipulation's users 4 and 5",
 "orm_quickstart": "none (the page builds everything)",
 "orm_queryguide_select": "`_plain_setup.rst`; `_end_doctest.rst`",
 "orm_queryguide_columns": "`_deferred_setup.rst`",
 "orm_queryguide_relationships": "`_plain_setup.rst`; `_end_doctest.rst`",
 "orm_queryguide_dml": "`_dml_setup.rst` (its `Session(conn)` fixture)",
 "orm_queryguide_inheritance": "`_inheritance_setup.rst` (and `_single_inheritance.rst` where the page includes it)",
 "orm_queryguide_api": "`_plain_setup.rst`; `_end_doctest.rst`",
 "core_operators": "the page's hidden setup block (tables, mapping, rows, `Session(conn)`)",
 "orm_large_collections": "the page's opening mapping and hidden `create_all`; end: the session closed and the clock's timestamps set to one value",
}
names = sorted(os.path.basename(p)[:-3] for p in glob.glob(D + "/docs__*.py"))
passing = set(l.strip() for l in open(D + "/passing.txt") if l.strip() and not l.startswith("#"))
rows = []
total = tp = 0
for key, rel, kind in DOCS:
    ns = [n for n in names if n.startswith("docs__" + key + "_")]
    p = len([n for n in ns if n in passing])
    total += len(ns); tp += p
    rows.append("| `docs__%s_*` | `doc/build/%s` | %s | %d | %d |" % (key, rel, "doctest blocks" if kind == "doctest" else "adapted fragments", len(ns), p))
table = "\n".join(rows)
text = open(os.path.join(HERE, "README.tmpl")).read().replace("@TABLE@", table).replace("@TOTAL@", str(total)).replace("@PASS@", str(tp))
setup_rows = "\n".join("| `docs__%s_*` | %s |" % (k, v) for k, v in SETUP.items())
text = text.replace("@SETUP@", setup_rows)
open(D + "/README.md", "w").write(text)
print(total, tp)
