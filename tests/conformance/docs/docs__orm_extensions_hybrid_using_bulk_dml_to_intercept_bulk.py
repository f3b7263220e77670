# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Using bulk_dml to intercept bulk parameter dictionaries"
# adapted: the section's Product on a Base (imports completed), an engine and a Session; the rows read back
from __future__ import annotations

from typing import Any
from typing import MutableMapping

from sqlalchemy import create_engine
from sqlalchemy import insert
from sqlalchemy import select
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

    @total_price.inplace.bulk_dml
    @classmethod
    def _total_price_bulk_dml(
        cls, mapping: MutableMapping[str, Any], value: float
    ) -> None:
        mapping["price"] = value / (1 + mapping["tax_rate"])


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)

# Bulk INSERT
session.execute(
    insert(Product),
    [
        {"tax_rate": 0.08, "total_price": 125.00},
        {"tax_rate": 0.05, "total_price": 110.00},
    ],
)
print([(p.price, p.tax_rate) for p in session.scalars(select(Product))])
session.commit()
