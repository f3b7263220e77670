# SQLAlchemy Core CRUD on Table objects: engine.begin(), insert().values(), inserted_primary_key,
# update().where().values(), delete(), rowcount, select with and_/or_ and column labels.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey,
                        select, insert, update, delete, and_, or_)

engine = create_engine("sqlite:///:memory:", echo=True)
meta = MetaData()

students = Table(
    "students", meta,
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("lastname", String),
)
marks = Table(
    "marks", meta,
    Column("id", Integer, primary_key=True),
    Column("student_id", ForeignKey("students.id")),
    Column("subject", String(20)),
    Column("score", Integer),
)
meta.create_all(engine)
print(students.c.keys(), repr(students.c.name))

with engine.begin() as conn:
    result = conn.execute(students.insert().values(name="Ravi", lastname="Kapoor"))
    print(result.inserted_primary_key)
    conn.execute(insert(students), [
        {"name": "Rajiv", "lastname": "Khanna"},
        {"name": "Komal", "lastname": "Bhandari"},
        {"name": "Abdul", "lastname": "Sattar"},
    ])
    conn.execute(marks.insert(), [
        {"student_id": 1, "subject": "math", "score": 80},
        {"student_id": 2, "subject": "math", "score": 65},
        {"student_id": 1, "subject": "art", "score": 90},
    ])

with engine.connect() as conn:
    for row in conn.execute(students.select()):
        print(row)
    s = select(students).where(and_(students.c.id > 1, students.c.name.like("R%")))
    print(conn.execute(s).fetchall())
    s = select(students.c.name).where(or_(students.c.lastname == "Sattar", students.c.id == 1))
    print(conn.execute(s).scalars().all())
    j = select(students.c.name, marks.c.subject, marks.c.score.label("points")).select_from(
        students.join(marks)).order_by(marks.c.score.desc())
    for row in conn.execute(j):
        print(f"{row.name:6} {row.subject:5} {row.points}")

with engine.begin() as conn:
    res = conn.execute(update(students).where(students.c.lastname == "Khanna").values(lastname="Kapoor"))
    print("updated", res.rowcount)
    res = conn.execute(delete(marks).where(marks.c.score < 70))
    print("deleted", res.rowcount)
    print(conn.execute(select(students.c.id, students.c.lastname).where(students.c.lastname == "Kapoor")).all())
