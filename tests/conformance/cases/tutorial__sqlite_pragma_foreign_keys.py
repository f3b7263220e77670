# SQLite ignores foreign keys unless you switch them on per connection; the usual recipe is an
# Engine "connect" event listener running PRAGMA foreign_keys=ON.
from sqlalchemy import create_engine, event, Column, Integer, String, ForeignKey
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base, sessionmaker, relationship


@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


Base = declarative_base()


class Department(Base):
    __tablename__ = "departments"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


class Employee(Base):
    __tablename__ = "employees"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    department_id = Column(Integer, ForeignKey("departments.id"), nullable=False)
    department = relationship(Department)


engine = create_engine("sqlite:///company.db")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

session.add(Department(id=1, name="IT"))
session.add(Employee(name="Sam", department_id=1))
session.commit()

try:
    session.add(Employee(name="Ghost", department_id=99))
    session.commit()
except IntegrityError as e:
    session.rollback()
    print("IntegrityError:", e.orig)

with engine.connect() as conn:
    print(conn.exec_driver_sql("PRAGMA foreign_keys").scalar())

print(session.query(Employee).count())
