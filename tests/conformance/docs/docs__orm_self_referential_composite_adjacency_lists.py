# source: doc/build/orm/self_referential.rst, section "Composite Adjacency Lists"
# adapted: the doc's mapping on a DeclarativeBase and "sqlite://"; an account's folder with a sub folder is persisted and loaded back
from sqlalchemy import ForeignKeyConstraint, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/self_referential.rst ---
class Folder(Base):
    __tablename__ = "folder"
    __table_args__ = (
        ForeignKeyConstraint(
            ["account_id", "parent_id"], ["folder.account_id", "folder.folder_id"]
        ),
    )

    account_id = mapped_column(Integer, primary_key=True)
    folder_id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer)
    name = mapped_column(String)

    parent_folder = relationship(
        "Folder", back_populates="child_folders", remote_side=[account_id, folder_id]
    )

    child_folders = relationship("Folder", back_populates="parent_folder")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
top = Folder(account_id=1, folder_id=1, name="top")
top.child_folders.append(Folder(account_id=1, folder_id=2, name="sub"))
session.add(top)
session.commit()
sub = session.scalars(select(Folder).where(Folder.name == "sub")).one()
print(sub.account_id, sub.parent_id, sub.parent_folder.name)
session.close()
