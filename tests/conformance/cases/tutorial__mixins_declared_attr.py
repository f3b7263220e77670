# Reusable mixins: an automatic __tablename__ via declared_attr, a common id column, and a
# to_dict() helper that walks the table's columns.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, declared_attr, sessionmaker


class BaseMixin:
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower() + "s"

    id = Column(Integer, primary_key=True)

    def to_dict(self):
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.id}>"


Base = declarative_base(cls=BaseMixin)


class Color(Base):
    name = Column(String(20))
    hex = Column(String(7))


class Shape(Base):
    name = Column(String(20))
    sides = Column(Integer)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print(Color.__tablename__, Shape.__table__.name, sorted(Base.metadata.tables))
session = sessionmaker(bind=engine)()
session.add_all([Color(name="red", hex="#ff0000"), Shape(name="triangle", sides=3), Shape(name="square", sides=4)])
session.commit()
print([c.to_dict() for c in session.query(Color).all()])
print(session.query(Shape).filter(Shape.sides > 3).all(), session.query(Shape).all()[0].to_dict())
