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
]
API_SETUP = ("\n# --- setup: doc/build/orm/queryguide/select.rst (its imports and table names, which the doctest\n"
             "# run of api.rst follows) ---\nfrom sqlalchemy import select\nfrom sqlalchemy.orm import aliased\n\n"
             "user_table = User.__table__\naddress_table = Address.__table__\n")
for path in glob.glob(os.path.join(HERE, "..", "docs", "docs__*.py")):
    s = open(path).read()
    t = s
    for a, b in PATCHES:
        t = t.replace(a, b)
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
