# backref= creates the other side; append/remove/pop/extend and assignment keep both sides in
# step before any flush; removing without delete-orphan sets the foreign key to NULL, with it
# deletes the orphan; a many-to-one assignment moves the object between collections.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    members = relationship("Member", backref="team")

    def __repr__(self):
        return f"Team({self.name})"


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    team_id = mapped_column(ForeignKey("team.id"))

    def __repr__(self):
        return f"Member({self.name})"


class Album(Base):
    __tablename__ = "album"
    id: Mapped[int] = mapped_column(primary_key=True)
    photos = relationship("Photo", back_populates="album", cascade="all, delete-orphan")


class Photo(Base):
    __tablename__ = "photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    album_id = mapped_column(ForeignKey("album.id"))
    album = relationship("Album", back_populates="photos")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
red, blue = Team(name="red"), Team(name="blue")
a, b, c = Member(name="a"), Member(name="b"), Member(name="c")
red.members.append(a)
print(a.team, red.members)
b.team = red
print(red.members)
blue.members.extend([c])
c.team = red
print(red.members, blue.members, c.team)
red.members.remove(b)
print(b.team, red.members)
with Session(engine) as s:
    s.add_all([red, blue, b])
    s.commit()
    red = s.scalars(select(Team).where(Team.name == "red")).one()
    gone = red.members.pop(0)
    print(gone, gone.team)
    s.commit()
    album = Album(photos=[Photo(), Photo(), Photo()])
    s.add(album)
    s.commit()
    album.photos.remove(album.photos[1])
    s.flush()
    album.photos = [Photo()]
    s.commit()
    print(s.execute(select(Member.name, Member.team_id).order_by(Member.id)).all())
    print(s.scalars(select(Photo.id).order_by(Photo.id)).all())
