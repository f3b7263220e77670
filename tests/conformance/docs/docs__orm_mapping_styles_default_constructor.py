# source: doc/build/orm/mapping_styles.rst, section "Default Constructor"
# adapted: the page's declarative mapping; the constructed object's attributes printed
# --- doc/build/orm/mapping_styles.rst ---
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str]


u1 = User(name="some name", fullname="some fullname")
print(u1.id, u1.name, u1.fullname)
