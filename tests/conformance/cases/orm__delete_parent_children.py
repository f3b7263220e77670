# Deleting a parent whose children are loaded: without a delete cascade the children's FK is
# set to NULL first; with cascade="all, delete-orphan" they are deleted; removing a child from
# the collection deletes it as an orphan.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Folder(Base):
    __tablename__ = "folders"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))
    files: Mapped[List["File"]] = relationship()

class Album(Base):
    __tablename__ = "albums"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))
    photos: Mapped[List["Photo"]] = relationship(cascade="all, delete-orphan")

class File(Base):
    __tablename__ = "files"
    id: Mapped[int] = mapped_column(primary_key=True)
    folder_id: Mapped[Optional[int]] = mapped_column(ForeignKey("folders.id"))

class Photo(Base):
    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    album_id: Mapped[Optional[int]] = mapped_column(ForeignKey("albums.id"))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Folder(name="f", files=[File(), File()]), Album(name="a", photos=[Photo(), Photo(), Photo()])])
    s.commit()
    folder = s.scalars(select(Folder)).one()
    s.delete(folder)
    s.commit()
    album = s.scalars(select(Album)).one()
    album.photos.pop(0)
    s.commit()
    s.delete(album)
    s.commit()
    print(s.execute(select(File.id, File.folder_id)).all(), s.scalars(select(Photo.id)).all())
