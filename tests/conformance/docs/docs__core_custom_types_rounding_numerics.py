# source: doc/build/core/custom_types.rst, section "Rounding Numerics"
# adapted: SafeNumeric(10, 2) on a Table "item"; an INSERT of a Decimal with too many places, read back
from decimal import Decimal

from sqlalchemy import Column
from sqlalchemy import create_engine
from sqlalchemy import insert
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import select
from sqlalchemy import Table
from sqlalchemy.types import Numeric
from sqlalchemy.types import TypeDecorator


class SafeNumeric(TypeDecorator):
    """Adds quantization to Numeric."""

    impl = Numeric

    def __init__(self, *arg, **kw):
        TypeDecorator.__init__(self, *arg, **kw)
        self.quantize_int = -self.impl.scale
        self.quantize = Decimal(10) ** self.quantize_int

    def process_bind_param(self, value, dialect):
        if isinstance(value, Decimal) and value.as_tuple()[2] < self.quantize_int:
            value = value.quantize(self.quantize)
        return value


metadata = MetaData()
item = Table("item", metadata, Column("id", Integer, primary_key=True), Column("price", SafeNumeric(10, 2)))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(item), [{"price": Decimal("3.14159")}, {"price": Decimal("2.5")}])
    print(conn.execute(select(item)).all())
