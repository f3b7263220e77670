# Validation in a before_flush listener: rejecting bad objects with an exception that
# propagates out of commit(), normalising fields of new objects, and the session being
# usable again after rollback.
from sqlalchemy import String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Contact(Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str] = mapped_column(String(20))


class ValidationError(Exception):
    pass


def check_contacts(session, flush_context, instances):
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Contact):
            obj.name = obj.name.strip().title()
            digits = "".join(ch for ch in obj.phone if ch.isdigit())
            if len(digits) < 7:
                raise ValidationError(f"bad phone for {obj.name}: {obj.phone!r}")
            obj.phone = digits


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

session = Session(engine)
event.listen(session, "before_flush", check_contacts)

session.add(Contact(name="  ada lovelace ", phone="(555) 123-4567"))
session.commit()

try:
    session.add(Contact(name="bob", phone="12-34"))
    session.commit()
except ValidationError as e:
    print("rejected:", e)
    session.rollback()

c = session.scalars(select(Contact)).one()
c.phone = "555 000 1111"
session.commit()
print(session.execute(select(Contact.name, Contact.phone)).all())
print(event.contains(session, "before_flush", check_contacts))
event.remove(session, "before_flush", check_contacts)
session.add(Contact(name="raw", phone="1"))
session.commit()
print(session.scalars(select(Contact.phone).order_by(Contact.id)).all())
session.close()
