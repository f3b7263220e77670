# source: doc/build/orm/persistence_techniques.rst, section "Forcing NULL on a column with a default"
# adapted: an engine, the section's mapping created on it and `session = Session(engine)`; the row read back
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/persistence_techniques.rst ---
class MyObject(Base):
    __tablename__ = "my_table"
    id = mapped_column(Integer, primary_key=True)
    data = mapped_column(String(50), nullable=True, server_default="default")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

obj = MyObject(id=1)
session.add(obj)
session.commit()  # INSERT with the 'data' column omitted; the database
# itself will persist this as the value 'default'
print(session.execute(select(MyObject.id, MyObject.data)).all())
