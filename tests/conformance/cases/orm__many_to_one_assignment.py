# Many-to-one without back_populates: assigning the object vs assigning the FK column, and
# what the attributes show before and after flush / expire.
from typing import Optional
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Country(Base):
    __tablename__ = "country"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))

class Town(Base):
    __tablename__ = "town"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    country_id: Mapped[Optional[int]] = mapped_column(ForeignKey("country.id"))
    country: Mapped[Optional[Country]] = relationship()

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    no, se = Country(name="Norway"), Country(name="Sweden")
    t = Town(name="Oslo", country=no)
    s.add_all([t, se])
    print(t.country_id)
    s.flush()
    print(t.country_id, no.id, se.id)
    t.country_id = se.id
    print(t.country.name)
    s.flush()
    print(t.country.name)
    s.expire(t, ["country"])
    print(t.country.name)
    t.country = None
    s.flush()
    print(t.country_id)
    s.commit()
    print(t.country_id, t.country)
