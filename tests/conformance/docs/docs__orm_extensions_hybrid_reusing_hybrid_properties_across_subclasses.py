# source: doc/build/orm/extensions/hybrid.rst (the automodule docstring of lib/sqlalchemy/ext/hybrid.py), section "Reusing Hybrid Properties across Subclasses"
# adapted: FirstNameOnly mapped on "first_name_only" with an id and single-table inheritance for FirstNameLastName (the fragments' "# ..."); names set through the hybrids and read back
from __future__ import annotations

from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import Session



class Base(DeclarativeBase):
    pass

# --- doc/build/orm/extensions/hybrid.rst ---


class FirstNameOnly(Base):
    __tablename__ = "first_name_only"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str]
    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "first"}

    first_name: Mapped[str]

    @hybrid_property
    def name(self) -> str:
        return self.first_name

    @name.inplace.setter
    def _name_setter(self, value: str) -> None:
        self.first_name = value


class FirstNameLastName(FirstNameOnly):
    __mapper_args__ = {"polymorphic_identity": "both"}

    last_name: Mapped[Optional[str]]

    # 'inplace' is not used here; calling getter creates a copy
    # of FirstNameOnly.name that is local to FirstNameLastName
    @FirstNameOnly.name.getter
    def name(self) -> str:
        return self.first_name + " " + self.last_name

    @name.inplace.setter
    def _name_setter(self, value: str) -> None:
        self.first_name, self.last_name = value.split(" ", 1)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a = FirstNameOnly()
    a.name = "spongebob"
    b = FirstNameLastName()
    b.name = "sandy cheeks"
    session.add_all([a, b])
    session.commit()
    print([(o.name, o.first_name) for o in session.scalars(select(FirstNameOnly).order_by(FirstNameOnly.id))])
    print(select(FirstNameLastName.name))
