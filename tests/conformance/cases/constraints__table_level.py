from sqlalchemy import (CheckConstraint, Column, ForeignKeyConstraint, Index, Integer,
                        MetaData, PrimaryKeyConstraint, String, Table, UniqueConstraint,
                        create_engine, insert, select)
from sqlalchemy.exc import IntegrityError

engine = create_engine("sqlite://")
metadata = MetaData()

invoice = Table(
    "invoice", metadata,
    Column("invoice_id", Integer),
    Column("ref_num", Integer),
    Column("description", String(60), nullable=False),
    Column("amount", Integer, CheckConstraint("amount >= 0", name="ck_amount_positive")),
    PrimaryKeyConstraint("invoice_id", "ref_num", name="pk_invoice"),
    UniqueConstraint("description", name="uq_invoice_description"),
    CheckConstraint("ref_num < 1000"),
    Index("ix_invoice_amount", "amount"),
)
item = Table(
    "invoice_item", metadata,
    Column("item_id", Integer, primary_key=True),
    Column("item_name", String(60), nullable=False),
    Column("invoice_id", Integer, nullable=False),
    Column("ref_num", Integer, nullable=False),
    Column("sku", String(20), unique=True, index=True),
    ForeignKeyConstraint(["invoice_id", "ref_num"], ["invoice.invoice_id", "invoice.ref_num"],
                         name="fk_item_invoice", ondelete="CASCADE"),
    UniqueConstraint("item_name", "invoice_id"),
)
Index("ix_invoice_desc_ref", invoice.c.description, invoice.c.ref_num, unique=True)
metadata.create_all(engine)
print([t.name for t in metadata.sorted_tables])
print(repr(Index("ix_a", "a", unique=True)))

with engine.connect() as conn:
    conn.execute(insert(invoice), [
        {"invoice_id": 1, "ref_num": 10, "description": "first", "amount": 5},
        {"invoice_id": 2, "ref_num": 10, "description": "second", "amount": 7},
    ])
    conn.execute(insert(item), {"item_name": "bolt", "invoice_id": 1, "ref_num": 10, "sku": "B1"})
    conn.commit()
    for row, label in [
        ({"invoice_id": 3, "ref_num": 10, "description": "neg", "amount": -1}, "check named"),
        ({"invoice_id": 4, "ref_num": 5000, "description": "big", "amount": 1}, "check anon"),
        ({"invoice_id": 5, "ref_num": 10, "description": "first", "amount": 1}, "unique"),
        ({"invoice_id": 1, "ref_num": 10, "description": "dup", "amount": 1}, "pk"),
    ]:
        try:
            conn.execute(insert(invoice), row)
        except IntegrityError as e:
            print(label, "->", e.orig)
            conn.rollback()
    try:
        conn.execute(insert(item), {"item_name": "nut", "invoice_id": 2, "ref_num": 10, "sku": "B1"})
    except IntegrityError as e:
        print("unique index ->", e.orig)
        conn.rollback()
    print(conn.execute(select(invoice.c.description).order_by(invoice.c.invoice_id)).all())
