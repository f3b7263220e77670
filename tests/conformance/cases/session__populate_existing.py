# A SELECT does not overwrite attributes of objects already in the identity map, unless
# execution_options(populate_existing=True) / Query.populate_existing() is used.
from sqlalchemy import create_engine, Column, Integer, String, select, text
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Gem(Base):
    __tablename__ = "gems"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    carat = Column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Gem(name="ruby", carat=2), Gem(name="opal", carat=3)])
s.commit()
ruby = s.get(Gem, 1)
opal = s.get(Gem, 2)
s.execute(text("UPDATE gems SET carat = carat * 10"))
print(s.scalars(select(Gem).order_by(Gem.id)).all() == [ruby, opal], ruby.carat, opal.carat)
opal.name = "OPAL"
gems = s.scalars(select(Gem).order_by(Gem.id).execution_options(populate_existing=True)).all()
print(ruby.carat, opal.carat, opal.name)
s.execute(text("UPDATE gems SET carat = 1"))
print(s.query(Gem).populate_existing().filter_by(id=1).one().carat)
print(s.get(Gem, 2, populate_existing=True).carat)
s.commit()
