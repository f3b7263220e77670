# Parent/child with cascade="all, delete-orphan": adding lines through the parent, removing
# a line from the list deletes it, clearing the list, deleting the parent deletes children,
# and the difference with a plain relationship (children's FK set to NULL).
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10))
    lines: Mapped[List["Line"]] = relationship(back_populates="invoice", cascade="all, delete-orphan", order_by="Line.id")
    notes: Mapped[List["Note"]] = relationship()


class Line(Base):
    __tablename__ = "lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    description: Mapped[str]
    amount: Mapped[int]
    invoice: Mapped[Invoice] = relationship(back_populates="lines")

    def __repr__(self):
        return f"{self.description}:{self.amount}"


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[Optional[int]] = mapped_column(ForeignKey("invoices.id"))
    text: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    inv = Invoice(number="INV-001")
    inv.lines.extend([Line(description="Design", amount=500), Line(description="Hosting", amount=50), Line(description="Support", amount=120)])
    inv.notes.append(Note(text="pay in 30 days"))
    session.add(inv)
    session.commit()
    print(inv.lines, sum(l.amount for l in inv.lines))

    hosting = inv.lines[1]
    inv.lines.remove(hosting)
    session.commit()
    print(inv.lines, session.scalar(select(func.count()).select_from(Line)))

    inv2 = Invoice(number="INV-002", lines=[Line(description="Audit", amount=900)])
    session.add(inv2)
    session.flush()
    inv2.lines.clear()
    session.commit()
    print(session.scalars(select(Line.description).order_by(Line.id)).all())

    session.delete(inv)
    session.commit()
    print(session.scalar(select(func.count()).select_from(Line)))
    print(session.execute(select(Note.text, Note.invoice_id)).all())
    print(session.scalars(select(Invoice.number)).all())
