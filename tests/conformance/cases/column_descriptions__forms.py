# column_descriptions of ORM and Core selects: table columns in an ORM select (entity None),
# an attribute alone, add_columns(), with_only_columns(); update/delete descriptions
from sqlalchemy import ForeignKey, delete, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, aliased, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    email: Mapped[str]


t = User.__table__
a = Address.__table__
for stmt in [
    select(User, t.c.id),
    select(User.id),
    select(t.c.id, User.name),
    select(User).add_columns(Address.email),
    select(User, Address).with_only_columns(User.name),
    select(t.c.name, a.c.id, a.c.user_id, t.c.id, a),
    select(aliased(Address), Address.id),
]:
    for d in stmt.column_descriptions:
        print(sorted(d.items(), key=lambda kv: kv[0]))
    print("--")

print(delete(Address).returning(Address.id, Address.email).returning_column_descriptions)
print(sorted(delete(Address).entity_description))
print(update(User).entity_description["name"])
