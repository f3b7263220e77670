# Compound selects: union / union_all between two tables, except_ and intersect, ordering
# a union by a label, and the union as a subquery for counting.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, except_, func, intersect, literal, select, union, union_all

engine = create_engine("sqlite://")
meta = MetaData()
students = Table("students", meta, Column("id", Integer, primary_key=True), Column("name", String(20)), Column("email", String(40)))
teachers = Table("teachers", meta, Column("id", Integer, primary_key=True), Column("name", String(20)), Column("email", String(40)))
meta.create_all(engine)

with engine.begin() as conn:
    conn.execute(students.insert(), [{"name": "Ann", "email": "ann@s"}, {"name": "Bob", "email": "bob@s"}, {"name": "Cal", "email": "cal@s"}])
    conn.execute(teachers.insert(), [{"name": "Bob", "email": "bob@t"}, {"name": "Dee", "email": "dee@t"}])

people = union_all(
    select(students.c.name, literal("student").label("role")),
    select(teachers.c.name, literal("teacher").label("role")),
).order_by("name", "role")
print(people)

with engine.connect() as conn:
    for name, role in conn.execute(people):
        print(name.ljust(5), role)
    names = union(select(students.c.name), select(teachers.c.name))
    print(conn.execute(names.order_by(names.selected_columns.name)).scalars().all())
    only_students = except_(select(students.c.name), select(teachers.c.name))
    print(conn.execute(only_students).scalars().all())
    both = intersect(select(students.c.name), select(teachers.c.name))
    print(conn.execute(both).scalars().all())
    sub = people.subquery()
    print(conn.execute(select(sub.c.role, func.count()).group_by(sub.c.role).order_by(sub.c.role)).all())
    print(conn.execute(select(students.c.name).union_all(select(teachers.c.name)).limit(3)).scalars().all())
