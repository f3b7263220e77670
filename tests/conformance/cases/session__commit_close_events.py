# Which BEGIN/COMMIT/ROLLBACK events commit(), rollback() and close() produce when nothing
# or only reads happened, and that a session is reusable after close().
from sqlalchemy import create_engine, Column, Integer, select
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class N(Base):
    __tablename__ = "n"
    id = Column(Integer, primary_key=True)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.commit()
print("empty commit", s.in_transaction())
s.rollback()
print("empty rollback")
s.scalars(select(N)).all()
print("read", s.in_transaction())
s.commit()
print("commit after read")
s.scalars(select(N)).all()
s.close()
print("close after read")
s.add(N())
s.commit()
s.close()
print("reused after close")
s.begin()
print("explicit begin", s.in_transaction())
s.rollback()
with Session(engine) as s2:
    pass
print("empty with-block")
with Session(engine) as s3:
    s3.get(N, 1)
print("with-block after get")
