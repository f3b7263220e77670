# A Flask-SQLAlchemy-free "todo app" model layer as a blog prints it: helper functions wrapping
# the session, Boolean done flag, toggle, and listing with order_by.
from sqlalchemy import create_engine, Column, Integer, String, Boolean
from sqlalchemy.orm import declarative_base, sessionmaker

engine = create_engine("sqlite:///todo.db", echo=False)
Base = declarative_base()
SessionLocal = sessionmaker(bind=engine, autoflush=False)


class Todo(Base):
    __tablename__ = "todos"
    id = Column(Integer, primary_key=True, index=True)
    title = Column(String(100), nullable=False)
    done = Column(Boolean, default=False)

    def to_dict(self):
        return {"id": self.id, "title": self.title, "done": self.done}


Base.metadata.create_all(bind=engine)


def add_todo(db, title):
    todo = Todo(title=title)
    db.add(todo)
    db.commit()
    db.refresh(todo)
    return todo


def toggle(db, todo_id):
    todo = db.query(Todo).get(todo_id)
    if todo is None:
        return None
    todo.done = not todo.done
    db.commit()
    return todo


def list_todos(db, only_open=False):
    q = db.query(Todo)
    if only_open:
        q = q.filter(Todo.done.is_(False))
    return [t.to_dict() for t in q.order_by(Todo.id).all()]


db = SessionLocal()
try:
    for t in ["write post", "record video", "reply to comments"]:
        print(add_todo(db, t).to_dict())
    toggle(db, 2)
    print(toggle(db, 42))
    print(list_todos(db))
    print(list_todos(db, only_open=True))
    db.query(Todo).filter(Todo.done == True).delete()
    db.commit()
    print(len(list_todos(db)))
finally:
    db.close()
