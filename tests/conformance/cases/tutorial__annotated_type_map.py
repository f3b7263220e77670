# Reusable column types with typing.Annotated (intpk, str50, timestamp) and a
# type_annotation_map on the Base; the DDL they produce, Optional vs required, and
# Numeric/Decimal mapping.
import datetime
from decimal import Decimal
from typing import Annotated, Optional

from sqlalchemy import Numeric, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.schema import CreateTable

intpk = Annotated[int, mapped_column(primary_key=True)]
str50 = Annotated[str, mapped_column(String(50))]
money = Annotated[Decimal, mapped_column(Numeric(12, 2))]
required_date = Annotated[datetime.date, mapped_column(nullable=False)]


class Base(DeclarativeBase):
    type_annotation_map = {
        str: String().with_variant(String(255), "sqlite"),
    }


class Product(Base):
    __tablename__ = "products"
    id: Mapped[intpk]
    name: Mapped[str50]
    description: Mapped[Optional[str]]
    price: Mapped[money]
    released: Mapped[required_date]
    discontinued: Mapped[Optional[datetime.date]]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print(CreateTable(Product.__table__).compile(engine))
for c in Product.__table__.columns:
    print(c.name, c.type, c.nullable)

with Session(engine) as session:
    session.add(Product(name="Widget", price=Decimal("9.99"), released=datetime.date(2023, 9, 1)))
    session.commit()
    p = session.scalars(select(Product)).one()
    print(p.name, p.price, type(p.price).__name__, p.released, p.discontinued, p.description)
