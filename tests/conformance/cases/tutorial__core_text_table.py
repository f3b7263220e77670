# Core-style tutorial: Table + insert().values(), engine.connect() with text() raw queries,
# bound parameters, result rows by name and index.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey,
                        text, select, func)

engine = create_engine('sqlite:///:memory:')
meta = MetaData()
students = Table('students', meta,
                 Column('id', Integer, primary_key=True),
                 Column('name', String),
                 Column('lastname', String))
marks = Table('marks', meta,
              Column('id', Integer, primary_key=True),
              Column('st_id', Integer, ForeignKey('students.id')),
              Column('score', Integer))
meta.create_all(engine)
ins = students.insert().values(name='Ravi', lastname='Kapoor')
print(str(ins))
print(ins.compile().params)
with engine.connect() as conn:
    result = conn.execute(ins)
    print(result.inserted_primary_key)
    conn.execute(students.insert(), [
        {'name': 'Rajiv', 'lastname': 'Khanna'},
        {'name': 'Komal', 'lastname': 'Bhandari'},
        {'name': 'Abdul', 'lastname': 'Sattar'},
    ])
    conn.execute(marks.insert(), [{'st_id': 1, 'score': 60}, {'st_id': 1, 'score': 70}, {'st_id': 3, 'score': 90}])
    conn.commit()
    for row in conn.execute(text("SELECT * FROM students WHERE id > :x"), {"x": 1}):
        print(row)
    r = conn.execute(text("select name, lastname from students where name between :x and :y"), {"x": "A", "y": "L"})
    print(r.fetchall())
    print(conn.execute(text("SELECT count(*) FROM students")).scalar())
    row = conn.execute(select(students).where(students.c.name == 'Komal')).first()
    print(row.lastname, row[0], row._mapping['name'])
    s = select(students.c.name, func.sum(marks.c.score).label('total')).join(marks).group_by(students.c.name)
    print(conn.execute(s).all())
    conn.execute(students.update().where(students.c.id == 2).values(lastname='K'))
    conn.execute(students.delete().where(students.c.lastname == 'Sattar'))
    print(conn.execute(select(students.c.lastname).order_by(students.c.id)).scalars().all())
