# source: doc/build/orm/mapped_attributes.rst, section "Synonyms"
# adapted: the page's doctest lines run as written; MyClass persisted and queried through the synonym
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy import Integer
from sqlalchemy.orm import mapped_column
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy import String
from sqlalchemy.orm import synonym
from sqlalchemy.ext.declarative import synonym_for


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "my_table"

    id = mapped_column(Integer, primary_key=True)
    job_status = mapped_column(String(50))

    status = synonym("job_status")


print(MyClass.job_status == "some_status")
print(MyClass.status == "some_status")

m1 = MyClass(status="x")
print((m1.status, m1.job_status))

m1.job_status = "y"
print((m1.status, m1.job_status))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(m1)
    session.commit()
    obj = session.scalars(select(MyClass).where(MyClass.status == "y")).one()
    obj.status = "z"
    session.commit()
    print(obj.job_status)


# --- descriptor= and synonym_for ---


class Base(DeclarativeBase):
    pass


class MyClass(Base):
    __tablename__ = "my_table"

    id = mapped_column(Integer, primary_key=True)
    status = mapped_column(String(50))

    @property
    def job_status(self):
        return "Status: " + self.status

    job_status = synonym("status", descriptor=job_status)


class Base2(DeclarativeBase):
    pass


class MyClass2(Base2):
    __tablename__ = "my_table"

    id = mapped_column(Integer, primary_key=True)
    status = mapped_column(String(50))

    @synonym_for("status")
    @property
    def job_status(self):
        return "Status: " + self.status


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(MyClass(status="active"))
    session.commit()
    obj = session.scalars(select(MyClass).where(MyClass.job_status == "active")).one()
    print(obj.job_status)

engine2 = create_engine("sqlite://")
Base2.metadata.create_all(engine2)
with Session(engine2) as session:
    session.add(MyClass2(status="idle"))
    session.commit()
    print(session.scalars(select(MyClass2)).one().job_status)
