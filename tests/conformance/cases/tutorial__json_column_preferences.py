# JSON columns on SQLite: dicts and lists stored as JSON text, in-place mutation not being
# detected (flag_modified fixes it), reassigning a copy, and a JSON path in a WHERE clause.
from typing import Any

from sqlalchemy import JSON, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import flag_modified


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON}


class Profile(Base):
    __tablename__ = "profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(30))
    prefs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    tags = mapped_column(JSON, nullable=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    alice = Profile(username="alice", prefs={"theme": "dark", "font_size": 14}, tags=["admin", "beta"])
    bob = Profile(username="bob", tags=None)
    session.add_all([alice, bob])
    session.commit()
    print(alice.prefs, bob.prefs, bob.tags)

    alice.prefs["theme"] = "light"
    print("dirty after in-place change:", alice in session.dirty)
    session.commit()
    session.refresh(alice)
    print("after commit:", alice.prefs["theme"])

    alice.prefs["theme"] = "light"
    flag_modified(alice, "prefs")
    session.commit()
    print("with flag_modified:", alice.prefs)

    new = dict(bob.prefs)
    new["notifications"] = {"email": True, "sms": False}
    bob.prefs = new
    session.commit()
    print(bob.prefs["notifications"]["email"])

    stmt = select(Profile.username).where(Profile.prefs["theme"].as_string() == "light")
    print(session.scalars(stmt).all())
    stmt = select(Profile.username, Profile.prefs["font_size"].as_integer())
    print(session.execute(stmt.order_by(Profile.id)).all())
