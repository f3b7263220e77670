import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs")

USER_FIXTURE = '''from typing import List
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import ForeignKey
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]

    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))

    user: Mapped[Optional["User"]] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
'''

USER_ROWS = '''
with Session(engine) as session:
    session.add_all(
        [
            User(name="spongebob", fullname="Spongebob Squarepants",
                 addresses=[Address(email_address="spongebob@sqlalchemy.org")]),
            User(name="sandy", fullname="Sandy Cheeks",
                 addresses=[Address(email_address="sandy@sqlalchemy.org"),
                            Address(email_address="sandy@squirrelpower.org")]),
            User(name="patrick", fullname="Patrick Star"),
            User(name="squidward", fullname="Squidward Tentacles"),
            User(name="ehkrabs", fullname="Eugene H. Krabs"),
        ]
    )
    session.commit()
'''

def write(name, source, adapted, body):
    text = "# source: %s\n# adapted: %s\n%s" % (source, adapted, body)
    with open(os.path.join(OUT, name + ".py"), "w") as fh:
        fh.write(text)


def used_imports(body):
    """The body with the `from X import a` lines of its header kept only where `a` is used
    below them (one shared header of imports serves the sections of a page)."""
    import re
    lines = body.split("\n")
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"from \S+ import (\w+)$", line)
        if m and m.group(1) != "annotations":
            rest = "\n".join(l for l in lines[i + 1:] if not l.startswith(("from ", "import ")))
            if not re.search(r"\b%s\b" % m.group(1), rest):
                continue
        out.append(line)
    return re.sub(r"\n{3,}(# --- doc)", r"\n\n\1", "\n".join(out))
