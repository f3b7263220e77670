# Stack Overflow-style legacy Query chains: group_by/having, distinct, outerjoin counts,
# limit/offset, exists(), func.count(), one-to-many backref string, order_by desc.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, func, desc, exists
from sqlalchemy.orm import declarative_base, sessionmaker, relationship

Base = declarative_base()

class User(Base):
    __tablename__ = 'users'
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    city = Column(String(30))
    posts = relationship('Post', backref='user', cascade='all, delete-orphan')

    def __repr__(self):
        return '<User %s>' % self.name

class Post(Base):
    __tablename__ = 'posts'
    id = Column(Integer, primary_key=True)
    title = Column(String(50))
    likes = Column(Integer, default=0)
    user_id = Column(Integer, ForeignKey('users.id'))

engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()
u1 = User(name='amy', city='Oslo', posts=[Post(title='a', likes=3), Post(title='b', likes=5)])
u2 = User(name='ben', city='Rome', posts=[Post(title='c', likes=1)])
u3 = User(name='cat', city='Oslo')
session.add_all([u1, u2, u3])
session.commit()
print(session.query(func.count(User.id)).scalar())
print(session.query(User.city, func.count(User.id)).group_by(User.city).order_by(User.city).all())
print(session.query(User.city).distinct().order_by(User.city).all())
print(session.query(User.name, func.count(Post.id)).outerjoin(Post).group_by(User.id).order_by(User.id).all())
print(session.query(User).join(Post).group_by(User.id).having(func.count(Post.id) > 1).all())
print(session.query(User).order_by(desc(User.name)).limit(2).offset(1).all())
print(session.query(exists().where(User.name == 'amy')).scalar())
print(session.query(session.query(User).filter_by(name='zed').exists()).scalar())
print(session.query(User).filter(User.posts.any(Post.likes > 4)).all())
print(session.query(Post.title).filter(Post.user.has(name='ben')).all())
print(session.query(func.sum(Post.likes), func.avg(Post.likes), func.max(Post.likes)).one())
print(session.query(User.name).filter(User.city == 'Oslo').order_by(User.name).all())
for name, in session.query(User.name).order_by(User.id):
    print(name)
post = session.query(Post).filter(Post.title == 'c').one()
print(post.user, post.user.posts[0].title)
q = session.query(User).filter(User.name.in_(['amy', 'cat']))
print(q.count(), q.first(), q.order_by(User.id.desc()).first())
print(session.query(Post).filter(Post.likes.between(2, 5)).order_by(Post.likes).all() == [u1.posts[0], u1.posts[1]])
session.query(Post).filter(Post.likes < 2).delete()
session.commit()
print(session.query(Post).count(), [len(u.posts) for u in session.query(User).order_by(User.id)])
session.delete(u1)
session.commit()
print(session.query(Post).count())
print(session.query(User).get(99))
