# One-to-many with cascade="all, delete-orphan": deleting a parent deletes its children,
# removing a child from the collection deletes the row.
from sqlalchemy import create_engine, Column, Integer, String, Text, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class Post(Base):
    __tablename__ = 'post'
    id = Column(Integer, primary_key=True)
    title = Column(String(80), nullable=False)
    body = Column(Text)
    comments = relationship('Comment', back_populates='post',
                            cascade='all, delete-orphan', order_by='Comment.id')

    def __repr__(self):
        return f'<Post {self.title}>'


class Comment(Base):
    __tablename__ = 'comment'
    id = Column(Integer, primary_key=True)
    text = Column(String(200))
    post_id = Column(Integer, ForeignKey('post.id'), nullable=False)
    post = relationship('Post', back_populates='comments')

    def __repr__(self):
        return f'<Comment {self.text!r}>'


engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

p1 = Post(title='Hello', body='first post')
p1.comments.append(Comment(text='nice'))
p1.comments.append(Comment(text='great'))
p2 = Post(title='Second', body='more')
p2.comments = [Comment(text='meh')]
session.add_all([p1, p2])
session.commit()
print(session.query(Comment).count())

first = p1.comments[0]
p1.comments.remove(first)
session.commit()
print(p1.comments, session.query(Comment).count())

session.delete(p2)
session.commit()
print(session.query(Post).all(), session.query(Comment).all())

c = Comment(text='orphan?')
p1.comments.append(c)
session.flush()
print(c.post_id, c.post)
session.commit()
