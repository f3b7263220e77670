# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Using update_expression with update.values() and insert.values()"
# adapted: the section's Product on a Base (imports completed); the UPDATE then runs on a row
from __future__ import annotations

from typing import Any
from typing import List
from typing import Tuple

from sqlalchemy import create_engine
from sqlalchemy import from_dml_column
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session



class Base(DeclarativeBase):
    pass

# --- doc/build/orm/extensions/hybrid.rst ---


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    price: Mapped[float]
    tax_rate: Mapped[float]

    @hybrid_property
    def total_price(self) -> float:
        return self.price * (1 + self.tax_rate)

    @total_price.inplace.update_expression
    @classmethod
    def _total_price_update_expression(
        cls, value: Any
    ) -> List[Tuple[Any, Any]]:
        return [(cls.price, value / (1 + from_dml_column(cls.tax_rate)))]


print(
    update(Product).values(
        {Product.tax_rate: 0.08, Product.total_price: 125.00}
    )
)

print(update(Product).values({Product.total_price: 125.00}))

# --- adapted (not in the doc): the statements run ---
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Product(id=1, price=10.0, tax_rate=0.25))
    session.commit()
    session.execute(update(Product).values({Product.total_price: 125.00}))
    print(session.scalars(select(Product.price)).all())
    session.execute(update(Product).values({Product.tax_rate: 0.0, Product.total_price: 100.00}))
    print(session.scalars(select(Product.price)).all())
    session.commit()
