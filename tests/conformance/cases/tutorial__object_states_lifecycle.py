# The four object states: transient, pending, persistent, detached (plus deleted), seen with
# inspect(); session.new / dirty / deleted; is_modified(); expunge; make_transient.
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, make_transient, mapped_column


class Base(DeclarativeBase):
    pass


class Pet(Base):
    __tablename__ = "pets"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    species: Mapped[str] = mapped_column(String(20), default="cat")


def state_of(obj):
    i = inspect(obj)
    for name in ("transient", "pending", "persistent", "deleted", "detached"):
        if getattr(i, name):
            return name


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

session = Session(engine)
rex = Pet(name="Rex", species="dog")
print(state_of(rex), rex.id, inspect(rex).key)
session.add(rex)
print(state_of(rex), rex in session.new)
session.flush()
print(state_of(rex), rex.id, inspect(rex).key, inspect(rex).identity)
session.commit()
print("expired:", inspect(rex).expired_attributes == {"id", "name", "species"})

rex.name = "Rexy"
print(rex in session.dirty, session.is_modified(rex), inspect(rex).modified)
session.commit()

session.expunge(rex)
print(state_of(rex), inspect(rex).session)
session.add(rex)
print(state_of(rex))

session.delete(rex)
print(rex in session.deleted)
session.flush()
print(state_of(rex), inspect(rex).was_deleted)
session.commit()
print(state_of(rex))

tom = Pet(name="Tom")
session.add(tom)
session.commit()
print(tom.name)
session.expunge(tom)
make_transient(tom)
print(state_of(tom), tom.id, tom.name)
tom.id = None
session.add(tom)
session.commit()
print(tom.id, state_of(tom))
session.close()
print(state_of(tom))
