# and_() / or_() as SQLAlchemy builds them: Python bools are true()/false(), an empty and_()
# is deprecated and adds nothing, negated LIKE patterns are grouped in WHERE, and a filter list
# built up dynamically (the tutorial idiom) works whether or not it is empty.
from sqlalchemy import (
    Integer, String, and_, create_engine, false, or_, select, true, type_coerce, JSON,
    Column, MetaData, Table, insert,
)

metadata = MetaData()
t = Table("item", metadata, Column("id", Integer, primary_key=True), Column("name", String))
engine = create_engine("sqlite://")
metadata.create_all(engine)
c = t.c.id

print(select(t.c.id).where(and_()))
print(select(t.c.id).where(or_(False, c > 1)))
print(select(t.c.id).where(and_(True, c > 1)))
print(select(t.c.id).where(and_(c > 1, False, c < 3)))
print(select(t.c.id).where(or_(c > 1, True)))
print(select(t.c.id).where(c > 1, True))
print(select(t.c.id).where(True))
print(and_(c > 1, true()))
print(or_(c > 1, false(), c < 0))
print(select(t.c.id).where(~t.c.name.contains("x")))
print(select(t.c.id).where(~t.c.name.startswith("x") | (c == 2)))
print(select(type_coerce(t.c.name, JSON), t.c.name))
print(select(true(), false(), t.c.id))

with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "apple"}, {"name": "banana"}, {"name": "cherry"}])
    for wanted in ([], ["apple"], ["apple", "cherry"]):
        filters = [t.c.name == w for w in wanted]
        stmt = select(t.c.name).where(or_(False, *filters) if filters else true())
        print(wanted, conn.execute(stmt).scalars().all())
    print(conn.execute(select(t.c.name).where(and_(*[]), c > 1)).scalars().all())
    print(conn.execute(select(t.c.name).where(~t.c.name.contains("an"))).scalars().all())
    print(conn.execute(select(t.c.name).where(True)).scalars().all())
    print(conn.execute(select(t.c.name).where(False)).scalars().all())
