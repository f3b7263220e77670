# scoped_session: a thread-local registry; Session() returns the same session, remove() resets.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, scoped_session, sessionmaker

engine = create_engine("sqlite://")
db_session = scoped_session(sessionmaker(autocommit=False, autoflush=False, bind=engine))
Base = declarative_base()
Base.query = db_session.query_property()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True)
    email = Column(String(120), unique=True)

    def __init__(self, name=None, email=None):
        self.name = name
        self.email = email

    def __repr__(self):
        return f"<User {self.name!r}>"


Base.metadata.create_all(bind=engine)
u = User("admin", "admin@localhost")
db_session.add(u)
db_session.commit()
print(User.query.all())
print(User.query.filter(User.name == "admin").first())
print(db_session() is db_session())
s1 = db_session()
db_session.remove()
print(db_session() is s1)
db_session.add(User("guest", "guest@localhost"))
db_session.commit()
print(User.query.order_by(User.id).all(), User.query.count())
