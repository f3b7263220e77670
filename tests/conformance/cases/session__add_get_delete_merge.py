# add / add_all / get / delete / merge (simple) / flush / commit and the SQL each causes.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session

Base = declarative_base()

class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))

    def __repr__(self):
        return f"Item({self.id}, {self.name!r})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add(Item(name="a"))
s.add_all([Item(name="b"), Item(id=10, name="ten")])
s.flush()
print(s.get(Item, 1), s.get(Item, 10), s.get(Item, 99))
s.commit()
x = s.get(Item, 2)
s.delete(x)
print(x in s, x in s.deleted)
s.flush()
print(x in s, s.get(Item, 2))
m = s.merge(Item(id=10, name="TEN"))
print(m, m is s.get(Item, 10), m in s.dirty)
n = s.merge(Item(id=20, name="twenty"))
print(n, n in s.new)
s.commit()
s.close()
s2 = Session(engine)
print(s2.query(Item).order_by(Item.id).all())
s2.close()
