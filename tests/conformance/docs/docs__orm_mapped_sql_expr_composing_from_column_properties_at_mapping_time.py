# source: doc/build/orm/mapped_sql_expr.rst, section "Composing from Column Properties at Mapping Time"
# adapted: File mapped on "file" with two rows; the page's statement printed and executed
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import column_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class File(Base):
    __tablename__ = "file"

    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String(64))
    extension = mapped_column(String(8))
    filename = column_property(name + "." + extension)
    path = column_property("C:/" + filename.expression)


stmt = select(File.path).where(File.filename == "foo.txt")
print(stmt)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([File(name="foo", extension="txt"), File(name="bar", extension="py")])
    session.commit()
    print(session.scalars(stmt).all())
    f = session.get(File, 2)
    print(f.filename, f.path)
