# source: doc/build/orm/dataclasses.rst, section "Column Defaults"
# adapted: func.utc_timestamp() (MySQL) becomes func.current_timestamp() for SQLite, printed as its type and set to one value at the end (see README); e is create_engine("sqlite://"); as docs__orm_dataclasses_column_defaults, with default=None replaced by init=False (2.1.9 refuses both default= and insert_default=); the page's INSERT run, then a User with a default= name
from datetime import datetime

from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_as_dataclass
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import registry
from sqlalchemy.orm import Session

reg = registry()


@mapped_as_dataclass(reg)
class User:
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(
        insert_default=func.current_timestamp(), init=False
    )
    name: Mapped[str] = mapped_column(default="anonymous")


print(User())

e = create_engine("sqlite://")
reg.metadata.create_all(e)
with Session(e) as session:
    session.add(User())
    session.commit()

with Session(e) as session:
    u = session.scalars(select(User)).one()
    print(u.id, u.name, type(u.created_at).__name__)
    u.created_at = datetime(2024, 1, 1)
    session.commit()
