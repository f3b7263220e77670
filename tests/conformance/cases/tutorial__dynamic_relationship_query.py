# lazy="dynamic" relationships return a Query you can filter, order and count.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class Playlist(Base):
    __tablename__ = 'playlists'
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    songs = relationship('Song', backref='playlist', lazy='dynamic')


class Song(Base):
    __tablename__ = 'songs'
    id = Column(Integer, primary_key=True)
    title = Column(String(100))
    seconds = Column(Integer)
    playlist_id = Column(Integer, ForeignKey('playlists.id'))

    def __repr__(self):
        return '<Song %r>' % self.title


engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()

pl = Playlist(name='road trip')
session.add(pl)
pl.songs.append(Song(title='Roadrunner', seconds=250))
pl.songs.append(Song(title='Drive', seconds=230))
pl.songs.extend([Song(title='Highway Star', seconds=370), Song(title='Holiday', seconds=180)])
session.commit()

print(pl.songs.count())
print(pl.songs.filter(Song.seconds > 240).order_by(Song.title).all())
print(pl.songs.order_by(Song.seconds.desc()).first())
print(pl.songs.filter_by(title='Drive').one().seconds)
print([s.title for s in pl.songs.order_by(Song.id).limit(2)])
pl.songs.remove(session.query(Song).filter_by(title='Holiday').one())
session.commit()
print(pl.songs.count(), session.query(Song).filter(Song.playlist_id == None).all())
