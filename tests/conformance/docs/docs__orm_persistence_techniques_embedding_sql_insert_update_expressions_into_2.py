# source: doc/build/orm/persistence_techniques.rst, section "Embedding SQL Insert/Update Expressions into a Flush"
# adapted: the PostgreSQL URL is "sqlite://"; `sql` is `from sqlalchemy import sql`; a second object added the same way and the rows read back
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import sql
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass

# --- doc/build/orm/persistence_techniques.rst ---
class Foo(Base):
    __tablename__ = "foo"
    pk = mapped_column(Integer, primary_key=True)
    bar = mapped_column(Integer)


e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)

session = Session(e)

foo = Foo(pk=sql.select(sql.func.coalesce(sql.func.max(Foo.pk) + 1, 1)))
session.add(foo)
session.commit()

foo2 = Foo(pk=sql.select(sql.func.coalesce(sql.func.max(Foo.pk) + 1, 1)), bar=7)
session.add(foo2)
session.commit()
print(foo.pk, foo2.pk)
print(session.execute(select(Foo.pk, Foo.bar)).all())
