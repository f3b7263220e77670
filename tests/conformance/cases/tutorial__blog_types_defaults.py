# Blog-post style model: DateTime scalar default, server_default=func.now(),
# Boolean, Date, Numeric columns; unique/nullable violations raise IntegrityError and the
# session is rolled back. Types are printed, not clock values.
import datetime
from decimal import Decimal
from sqlalchemy import (create_engine, Column, Integer, String, DateTime, Date, Boolean,
                        Numeric, func)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()

class Post(Base):
    __tablename__ = 'posts'
    id = Column(Integer, primary_key=True)
    slug = Column(String(50), unique=True, nullable=False)
    title = Column(String(100), nullable=False)
    status = Column(String(10), default='draft')
    featured = Column(Boolean, default=False)
    published_on = Column(Date)
    price = Column(Numeric(10, 2))
    created_at = Column(DateTime, default=datetime.datetime(2024, 1, 2, 3, 4, 5))
    updated_at = Column(DateTime, server_default=func.now())

    def __repr__(self):
        return '<Post %r>' % self.slug

engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
session.add(Post(slug='hello', title='Hello', published_on=datetime.date(2024, 5, 1), price=Decimal('9.99')))
session.add(Post(slug='second', title='Second', status='published', featured=True))
session.commit()
p = session.query(Post).filter_by(slug='hello').first()
print(p, p.status, p.featured, p.published_on, p.price)
print(type(p.created_at).__name__, type(p.updated_at).__name__)
print(session.query(Post).filter(Post.status == 'published').all())
print(session.query(Post).filter(Post.featured == True).count())
print(session.query(Post).filter(Post.published_on > datetime.date(2024, 1, 1)).all())
session.add(Post(slug='hello', title='Dup'))
try:
    session.commit()
except IntegrityError as e:
    print('IntegrityError:', e.orig)
    session.rollback()
session.add(Post(slug='nott'))
try:
    session.flush()
except IntegrityError as e:
    print('IntegrityError:', e.orig)
    session.rollback()
print(session.query(Post).order_by(Post.id).all())
print([p.slug for p in session.query(Post).order_by(Post.price.desc()).all()])
# (The server's clock value is cleared so the final table is the same on every run.)
print(session.query(Post).update({'updated_at': None}))
session.commit()
