from sqlalchemy import create_engine, inspect, text

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE, a INT, b INT, CONSTRAINT uq_ab UNIQUE (a, b))"))
    conn.execute(text(
        "CREATE TABLE child (\n"
        "  id INTEGER NOT NULL,\n"
        "  pid INTEGER,\n"
        "  pcode VARCHAR(10),\n"
        "  qty NUMERIC(10, 2) DEFAULT 0,\n"
        "  price REAL CHECK (price > 0),\n"
        "  note TEXT,\n"
        "  CONSTRAINT pk_child PRIMARY KEY (id),\n"
        "  CONSTRAINT fk_parent FOREIGN KEY (pid) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL,\n"
        "  FOREIGN KEY (pcode) REFERENCES parent (code) DEFERRABLE INITIALLY DEFERRED,\n"
        "  CONSTRAINT ck_qty CHECK (qty >= 0 AND note <> ')')\n"
        ")"
    ))
    conn.execute(text("CREATE UNIQUE INDEX ix_child_note ON child (note, pcode)"))
    conn.execute(text("CREATE TABLE loose (x, y BLOB, z DOUBLE PRECISION, w DECIMAL(8), d DATETIME, v NVARCHAR(5), flag BOOLEAN, pid REFERENCES parent)"))
    conn.execute(text("CREATE TEMP TABLE scratch (id INTEGER)"))
    conn.execute(text("CREATE VIEW pv AS SELECT id, code FROM parent"))

insp = inspect(engine)
for t in ["parent", "child", "loose"]:
    print(t)
    for c in insp.get_columns(t):
        print("  ", c)
    print("  pk", insp.get_pk_constraint(t))
    print("  fk", insp.get_foreign_keys(t))
    print("  ix", insp.get_indexes(t))
    print("  uq", insp.get_unique_constraints(t))
    print("  ck", insp.get_check_constraints(t))
print(insp.get_temp_table_names())
print(insp.get_schema_names())
print(insp.get_view_definition("pv"))
print(insp.get_columns("pv"))
print(insp.get_pk_constraint("child"))
print(insp.default_schema_name)
print(str(insp.get_columns("loose")[4]["type"]), repr(insp.get_columns("child")[3]["type"]))
try:
    insp.get_columns("missing")
except Exception as e:
    print(type(e).__name__, e)
try:
    insp.get_view_definition("nope")
except Exception as e:
    print(type(e).__name__, e)
insp.clear_cache()
print(insp.get_table_names())
