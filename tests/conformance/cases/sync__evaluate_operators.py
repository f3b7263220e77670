# 'evaluate' with WHERE clauses using in_/not_in/is_/is_not/and_/or_/not_/!= and string
# concatenation in SET: everything is computed in Python, no SELECT, no RETURNING.
from sqlalchemy import create_engine, Column, Integer, String, update, and_, or_, not_
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class R(Base):
    __tablename__ = "r"
    id = Column(Integer, primary_key=True)
    tag = Column(String(10))
    n = Column(Integer)
    note = Column(String(20))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([R(tag=t, n=n, note=no) for t, n, no in [("a", 1, None), ("b", 2, "x"), ("c", 3, None), ("d", 4, "y"), ("e", 5, "z")]])
s.commit()
rows = s.query(R).order_by(R.id).all()

def go(where, **values):
    s.execute(update(R).where(where).values(**values).execution_options(synchronize_session="evaluate"))
    print([(r.tag, r.n, r.note) for r in rows])

go(R.tag.in_(["a", "c"]), n=R.n * 10)
go(R.tag.not_in(["a", "c"]), n=R.n - 1)
go(R.note.is_(None), note="none")
go(R.note.is_not(None) & (R.n >= 3), note=R.note + "!")
go(or_(R.n == 1, and_(R.tag == "e", not_(R.n > 100))), tag=R.tag + R.tag)
go(R.tag != "b", n=R.n % 3)
go(R.n.between(0, 1), n=-1)
s.commit()
print(s.query(R.tag, R.n, R.note).order_by(R.id).all())
