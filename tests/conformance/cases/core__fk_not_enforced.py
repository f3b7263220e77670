# SQLite does not enforce FOREIGN KEY constraints unless PRAGMA foreign_keys=ON: a child row
# pointing to a missing parent is accepted; with the pragma it is refused.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, ForeignKey, insert, select, text
from sqlalchemy.exc import IntegrityError

metadata = MetaData()
parent = Table("parent", metadata, Column("id", Integer, primary_key=True))
child = Table("child", metadata, Column("id", Integer, primary_key=True),
              Column("parent_id", Integer, ForeignKey("parent.id")))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(child).values(id=1, parent_id=42))
    print(conn.execute(select(child)).all())
with engine.connect() as conn:
    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    print(conn.exec_driver_sql("PRAGMA foreign_keys").scalar())
    try:
        conn.execute(insert(child).values(id=2, parent_id=43))
    except IntegrityError as e:
        print(str(e.orig))
    conn.rollback()
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
