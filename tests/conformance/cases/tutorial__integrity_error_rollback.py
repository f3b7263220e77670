# Handling an IntegrityError: unique username, try/except, session.rollback(), carry on.
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    username = Column(String(30), unique=True, nullable=False)
    email = Column(String(120), unique=True)

    def __repr__(self):
        return f"User({self.username})"


engine = create_engine("sqlite:///app.db")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

session.add(User(username="admin", email="admin@example.com"))
session.commit()

try:
    session.add(User(username="admin", email="other@example.com"))
    session.commit()
except IntegrityError as e:
    session.rollback()
    print("Error:", e.orig)
    print(type(e).__name__, type(e.orig).__name__)

try:
    session.add(User(username=None))
    session.flush()
except IntegrityError as exc:
    print("Could not save:", str(exc.orig))
    session.rollback()

users = [User(username="a", email="x@x"), User(username="b", email="x@x")]
try:
    session.add_all(users)
    session.commit()
except IntegrityError as err:
    session.rollback()
    print("duplicate email:", err.orig.args[0])
    print(err.params)

session.add(User(username="guest", email="guest@example.com"))
session.commit()
print(session.query(User).order_by(User.id).all())
