# ORM-enabled upsert: sqlite insert(Model) with a list of dicts, on_conflict_do_update on
# the unique column, RETURNING the model, then reading it through the session.
from typing import Optional

from sqlalchemy import String, create_engine, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(50), unique=True)
    value: Mapped[Optional[str]]

    def __repr__(self) -> str:
        return f"Setting(key={self.key!r}, value={self.value!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Setting(key="theme", value="light"), Setting(key="lang", value="en")])
    session.commit()

    rows = [
        {"key": "theme", "value": "dark"},
        {"key": "timezone", "value": "UTC"},
    ]
    stmt = sqlite_insert(Setting).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=[Setting.key], set_=dict(value=stmt.excluded.value)
    )
    result = session.scalars(stmt.returning(Setting))
    for s in result:
        print("upserted", s)
    session.commit()

    for s in session.scalars(select(Setting).order_by(Setting.key)):
        print(s.id, s)

    stmt = sqlite_insert(Setting).values(key="lang", value="fr").on_conflict_do_nothing()
    res = session.execute(stmt)
    print("do nothing rowcount:", res.rowcount)
    session.commit()
    print(session.scalar(select(Setting.value).where(Setting.key == "lang")))
