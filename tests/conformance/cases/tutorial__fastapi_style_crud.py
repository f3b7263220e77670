# FastAPI-tutorial style CRUD helpers without the web framework: dataclass schemas, a
# dependency-style session generator, Optional / X | None annotations, an Enum column,
# a dict subclass for JSON responses, rows to JSON, partial updates with setattr.

import enum
import json
from dataclasses import asdict, dataclass, field
from typing import Iterator, List, Optional

from sqlalchemy import Enum, ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, mapped_column, relationship,
                            sessionmaker)

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Role(enum.Enum):
    admin = "admin"
    member = "member"


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    email: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[Optional[str]]
    role: Mapped[Role] = mapped_column(Enum(Role), default=Role.member)
    is_active: Mapped[bool] = mapped_column(default=True)
    items: Mapped[List["Item"]] = relationship(back_populates="owner")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, email={self.email!r}, role={self.role.name})"


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    description: Mapped[str | None]
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped[User] = relationship(back_populates="items")


Base.metadata.create_all(engine)


@dataclass
class UserCreate:
    email: str
    full_name: Optional[str] = None
    role: Role = Role.member


@dataclass
class UserUpdate:
    full_name: Optional[str] = None
    is_active: Optional[bool] = None

    def changes(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class ItemOut:
    id: int
    title: str
    description: str | None = None
    tags: list[str] = field(default_factory=list)


class JSONResponse(dict):
    def __init__(self, content, status_code: int = 200):
        super().__init__(content=content, status_code=status_code)

    def render(self) -> str:
        return json.dumps(self["content"], default=str, sort_keys=True)


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def create_user(db: Session, user: UserCreate) -> User:
    db_user = User(**asdict(user))
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user


def get_user_by_email(db: Session, email: str) -> User | None:
    return db.scalars(select(User).where(User.email == email)).first()


def get_users(db: Session, skip: int = 0, limit: int = 100) -> list[User]:
    return list(db.scalars(select(User).order_by(User.id).offset(skip).limit(limit)))


def update_user(db: Session, user_id: int, patch: UserUpdate) -> Optional[User]:
    user = db.get(User, user_id)
    if user is None:
        return None
    for key, value in patch.changes().items():
        setattr(user, key, value)
    db.commit()
    return user


def create_item(db: Session, owner_id: int, **fields) -> Item:
    item = Item(owner_id=owner_id, **fields)
    db.add(item)
    db.commit()
    return item


gen = get_db()
db = next(gen)
alice = create_user(db, UserCreate("alice@example.com", "Alice", Role.admin))
bob = create_user(db, UserCreate(email="bob@example.com"))
print(alice, bob, bob.is_active, bob.role is Role.member)
print(get_user_by_email(db, "bob@example.com") is bob, get_user_by_email(db, "x@y.z"))
print(update_user(db, bob.id, UserUpdate(full_name="Bob B", is_active=False)), update_user(db, 99, UserUpdate()))
for title in ("pen", "book"):
    create_item(db, alice.id, title=title, description=None if title == "pen" else "a book")
print([u.email for u in get_users(db, skip=1)])
rows = db.execute(select(User.id, User.email, func.count(Item.id).label("n"))
                  .outerjoin(Item).group_by(User.id).order_by(User.id)).all()
print(json.dumps([row._asdict() for row in rows]))
print([dict(r._mapping) for r in rows])
out = [ItemOut(i.id, i.title, i.description) for i in alice.items]
resp = JSONResponse([asdict(o) for o in out], status_code=201)
print(resp["status_code"], isinstance(resp, dict), len(resp), resp.render())
print(sorted(resp), list(resp.keys()))
try:
    next(gen)
except StopIteration:
    print("session closed")
with SessionLocal() as s2:
    print(s2.scalar(select(func.count()).select_from(User).where(User.is_active)),
          s2.scalars(select(User.role).distinct().order_by(User.role)).all())
