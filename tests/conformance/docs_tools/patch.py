"""Deterministic adaptations applied to every generated case (the doc's value is a clock etc.)."""
import glob, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
PATCHES = [
    ("print(log_record_result.all())\n",
     "# adapted: the doc prints each LogRecord with its timestamp, now() (datetime.datetime(...)); the\n"
     "# timestamp's type is printed instead\n"
     "print([(r.message, r.code, type(r.timestamp).__name__) for r in log_record_result.all()])\n"),
    ("stmt = select(func.now())\n\nwith engine.connect() as conn:\n    result = conn.execute(stmt)\n    print(result.all())\n",
     "stmt = select(func.now())\n\nwith engine.connect() as conn:\n    result = conn.execute(stmt)\n"
     "    # adapted: the doc prints the current time ([(datetime.datetime(...),)]); its type is printed\n"
     "    print([type(value).__name__ for value in result.one()])\n"),
    (").all()\n\nprint(account_transactions)\n",
     ").all()\n\n# adapted: the doc prints each AccountTransaction with its timestamp, now(); the\n"
     "# timestamp's type is printed instead\n"
     "print([(f\"{t.amount:.2f}\", type(t.timestamp).__name__) for t in account_transactions])\n"),
]
API_SETUP = ("\n# --- setup: doc/build/orm/queryguide/select.rst (its imports and table names, which the doctest\n"
             "# run of api.rst follows) ---\nfrom sqlalchemy import select\nfrom sqlalchemy.orm import aliased\n\n"
             "user_table = User.__table__\naddress_table = Address.__table__\n")
for path in glob.glob(os.path.join(HERE, "..", "docs", "docs__*.py")):
    s = open(path).read()
    t = s
    for a, b in PATCHES:
        t = t.replace(a, b)
    # large_collections.rst's first section ends with the exception the doc shows: its rows'
    # now() timestamps are fixed before it (the other sections do so at their end)
    if os.path.basename(path) == "docs__orm_large_collections_creating_and_persisting_new_write_only.py" \
            and "adapted (not in the doc)" not in t:
        import configs
        t = t.replace("\nnew_account.account_transactions = [", configs.CLOCK_END + "\nnew_account.account_transactions = [", 1)
    # doctest shows pprint()'s output; the generator's print() around it would add "None"
    t = re.sub(r"^print\(pprint\((.*)\)\)$", r"pprint(\1)", t, flags=re.M)
    # api.rst runs after select.rst in SQLAlchemy's doctest: its imports and table names
    if os.path.basename(path).startswith("docs__orm_queryguide_api_") and "select.rst (its imports" not in t:
        i = t.index("conn.begin()\n") + len("conn.begin()\n")
        t = t[:i] + API_SETUP + t[i:]
        t = t.replace("(setup: orm/queryguide/_plain_setup.rst;", "(setup: orm/queryguide/_plain_setup.rst, select.rst's imports;", 1)
    if t != s:
        open(path, "w").write(t)
        print("patched", path.rsplit("/", 1)[1])
