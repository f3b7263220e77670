# source: doc/build/core/custom_types.rst, section "Marshal JSON Strings"
# adapted: JSONEncodedDict(255) on an ORM-mapped "document" table, as tutorials use it; a dict stored, loaded and replaced
import json

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator
from sqlalchemy.types import VARCHAR


class JSONEncodedDict(TypeDecorator):
    """Represents an immutable structure as a json-encoded string.

    Usage:

        JSONEncodedDict(255)

    """

    impl = VARCHAR

    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            value = json.dumps(value)

        return value

    def process_result_value(self, value, dialect):
        if value is not None:
            value = json.loads(value)
        return value


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    data = mapped_column(JSONEncodedDict(255))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Document(data={"a": 1, "b": [1, 2]}))
    session.add(Document(data=None))
    session.commit()
    doc = session.get(Document, 1)
    print(doc.data, type(doc.data).__name__)
    doc.data = {"a": 2}
    session.commit()
    print(session.scalars(select(Document.data).order_by(Document.id)).all())
    print(session.scalars(select(Document).where(Document.data == {"a": 2})).one().id)
