# case() in a select list and in ORDER BY: letter grades from scores, a dictionary-style
# case(value=...), conditional counting with sum(case(...)), cast() and coalesce().
from sqlalchemy import Float, Integer, String, case, cast, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Result(Base):
    __tablename__ = "results"
    id: Mapped[int] = mapped_column(primary_key=True)
    student: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(10))
    score: Mapped[int | None]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        Result(student="Ana", subject="math", score=93),
        Result(student="Ana", subject="art", score=71),
        Result(student="Ben", subject="math", score=58),
        Result(student="Ben", subject="art", score=None),
        Result(student="Caz", subject="math", score=85),
    ])
    session.commit()

    grade = case(
        (Result.score >= 90, "A"),
        (Result.score >= 80, "B"),
        (Result.score >= 70, "C"),
        (Result.score.is_(None), "-"),
        else_="F",
    ).label("grade")
    for row in session.execute(select(Result.student, Result.subject, grade).order_by(Result.id)):
        print(row.student, row.subject, row.grade)

    subject_name = case({"math": "Mathematics", "art": "Art"}, value=Result.subject, else_="Other")
    print(session.scalars(select(subject_name).distinct().order_by(subject_name)).all())

    passed = func.sum(case((Result.score >= 60, 1), else_=0)).label("passed")
    stmt = select(Result.student, passed, func.count(Result.score).label("taken")).group_by(Result.student).order_by(Result.student)
    print(session.execute(stmt).all())

    avg = select(Result.student, cast(func.avg(func.coalesce(Result.score, 0)), Integer)).group_by(Result.student).order_by(Result.student)
    print(session.execute(avg).all())
    print(session.scalar(select(cast(func.sum(Result.score), Float) / func.count(Result.score))))
    priority = case((Result.subject == "art", 0), else_=1)
    print(session.scalars(select(Result.id).order_by(priority, Result.id)).all())
