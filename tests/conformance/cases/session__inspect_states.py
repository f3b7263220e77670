# inspect(obj) state flags through transient -> pending -> persistent -> deleted -> detached,
# and back via rollback / expunge / make_transient.
from sqlalchemy import create_engine, Column, Integer, String, inspect
from sqlalchemy.orm import declarative_base, Session, make_transient

Base = declarative_base()

class Thing(Base):
    __tablename__ = "things"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))

def state(label, obj):
    i = inspect(obj)
    flags = [n for n in ("transient", "pending", "persistent", "deleted", "detached") if getattr(i, n)]
    print(f"{label:<22} {flags} key={i.identity} has_identity={i.has_identity} was_deleted={i.was_deleted}")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
t = Thing(name="x")
state("new object", t)
s.add(t)
state("after add", t)
s.flush()
state("after flush", t)
s.commit()
state("after commit", t)
s.delete(t)
state("after delete", t)
s.flush()
state("after delete+flush", t)
s.rollback()
state("after rollback", t)
s.delete(t)
s.commit()
state("after delete+commit", t)
u = Thing(name="y")
s.add(u)
s.commit()
s.expunge(u)
state("after expunge", u)
s.add(u)
state("re-added", u)
s.close()
state("after close", u)
make_transient(u)
state("make_transient", u)
p = Thing(name="z")
s2 = Session(engine)
s2.add(p)
s2.rollback()
state("pending + rollback", p)
