# source: doc/build/orm/mapped_sql_expr.rst, section "Using a Hybrid"
# adapted: the page's two User versions on two bases, each with two rows (one without a firstname for the case() version); session is Session(engine)
from sqlalchemy import create_engine
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session
from sqlalchemy.sql import case


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    firstname = mapped_column(String(50))
    lastname = mapped_column(String(50))

    @hybrid_property
    def fullname(self):
        return self.firstname + " " + self.lastname


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([User(firstname="John", lastname="Smith"), User(firstname="Jane", lastname="Doe")])
session.commit()

some_user = session.scalars(select(User).limit(1)).first()
print(some_user.fullname)

some_user = session.scalars(
    select(User).where(User.fullname == "John Smith").limit(1)
).first()
print(some_user.id)
session.close()


class Base2(DeclarativeBase):
    pass


class User2(Base2):
    __tablename__ = "user"
    id = mapped_column(Integer, primary_key=True)
    firstname = mapped_column(String(50))
    lastname = mapped_column(String(50))

    @hybrid_property
    def fullname(self):
        if self.firstname is not None:
            return self.firstname + " " + self.lastname
        else:
            return self.lastname

    @fullname.expression
    def fullname(cls):
        return case(
            (cls.firstname != None, cls.firstname + " " + cls.lastname),
            else_=cls.lastname,
        )


engine2 = create_engine("sqlite://")
Base2.metadata.create_all(engine2)
session = Session(engine2)
session.add_all([User2(firstname="John", lastname="Smith"), User2(lastname="Prince")])
session.commit()
for u in session.scalars(select(User2).order_by(User2.fullname)):
    print(u.id, u.fullname)
print(session.scalars(select(User2.fullname).where(User2.fullname == "Prince")).all())
session.close()
