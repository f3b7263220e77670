# Two versioned objects changed in one flush; then an object whose row was deleted behind the session.
from sqlalchemy import create_engine, Integer, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "doc"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(nullable=False)
    title: Mapped[str] = mapped_column(String(30))

    __mapper_args__ = {"version_id_col": version}


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Doc(title="a"), Doc(title="b"), Doc(id=10, title="c")])
    session.commit()
    docs = session.scalars(select(Doc).order_by(Doc.id)).all()
    for d in docs:
        d.title = d.title.upper()
    session.commit()
    print([(d.id, d.version, d.title) for d in docs])
    docs[0].title = "x"
    docs[1].title = "y"
    session.flush()
    print([(d.id, d.version) for d in docs])
    session.execute(text("DELETE FROM doc WHERE id = 2"))
    docs[1].title = "z"
    try:
        session.flush()
    except Exception as err:
        print(type(err).__name__, err)
    session.rollback()
    print(session.scalars(select(Doc.version).order_by(Doc.id)).all())
