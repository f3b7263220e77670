# Attribute "set" events (doc/build/orm/events.rst, "Attribute Events"): a listener sees the
# new and old value (NO_VALUE when not loaded), retval=True replaces the value (the
# validation recipe), propagate=True reaches subclasses (and only with it).
from sqlalchemy import ForeignKey, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Contact(Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    phone: Mapped[str] = mapped_column(default="")
    kind: Mapped[str]
    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "contact"}


class Vendor(Contact):
    __tablename__ = "vendor"
    id: Mapped[int] = mapped_column(ForeignKey("contact.id"), primary_key=True)
    company: Mapped[str] = mapped_column(default="")
    __mapper_args__ = {"polymorphic_identity": "vendor"}


log = []


@event.listens_for(Contact.name, "set", propagate=True)
def name_set(target, value, oldvalue, initiator):
    log.append((type(target).__name__, value, repr(oldvalue), initiator.key))


@event.listens_for(Contact.phone, "set", retval=True)
def validate_phone(target, value, oldvalue, initiator):
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) < 3:
        raise ValueError(f"bad phone {value!r}")
    return digits


c = Contact(name="Ann", phone="555-01-02")
v = Vendor(name="Acme", company="Acme Inc")
print(c.phone, log)
c.name = "Anna"
print(log[-1])
try:
    c.phone = "12"
except ValueError as e:
    print("ValueError", e)
print(c.phone)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([c, v])
    session.commit()
    c.name = "Annie"
    print(log[-1])
    v.phone = "(1) 2-3"
    session.commit()
    print(session.execute(select(Contact.name, Contact.phone).order_by(Contact.id)).all())
print(len(log))
