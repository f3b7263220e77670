# source: doc/build/orm/persistence_techniques.rst, section "Case 2: Table includes trigger-generated values which are not compatible with RETURNING"
# adapted: the section's mapping on SQLite, the trigger of its comment made a real SQLite trigger; a row flushed and its identifier read
from sqlalchemy import create_engine
from sqlalchemy import String
from sqlalchemy import FetchedValue
from sqlalchemy import text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/persistence_techniques.rst ---
class MyModel(Base):
    __tablename__ = "my_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[str] = mapped_column(String(50))

    # assume a database trigger populates a value into this column
    # during INSERT
    special_identifier = mapped_column(String(50), server_default=FetchedValue())

    # disable all use of RETURNING for the table
    __table_args__ = {"implicit_returning": False}

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(text(
        "CREATE TRIGGER t1 AFTER INSERT ON my_table BEGIN "
        "UPDATE my_table SET special_identifier = 'trig' || NEW.id WHERE id = NEW.id; END"
    ))
session = Session(engine)
m = MyModel(data="d")
session.add(m)
session.commit()
print(m.id, m.special_identifier)
