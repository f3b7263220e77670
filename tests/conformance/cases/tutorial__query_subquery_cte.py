# Legacy Query pieces that build statements: subquery(), cte(), label(), scalar_subquery(),
# add_columns()/add_column(), slice(), correlate(), select_from(), .statement.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, func
from sqlalchemy.orm import declarative_base, sessionmaker, relationship, backref

engine = create_engine('sqlite://')
Base = declarative_base()

class Author(Base):
    __tablename__ = 'authors'
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)

    def __repr__(self):
        return "<Author(name='%s')>" % self.name

class Book(Base):
    __tablename__ = 'books'
    id = Column(Integer, primary_key=True)
    title = Column(String(100))
    pages = Column(Integer)
    author_id = Column(Integer, ForeignKey('authors.id'))
    author = relationship("Author", backref="books")

    def __repr__(self):
        return "<Book(title='%s', pages=%d)>" % (self.title, self.pages)

Base.metadata.create_all(engine)
s = sessionmaker(bind=engine)()
a1, a2, a3 = Author(name='Ann'), Author(name='Bob'), Author(name='Cy')
a1.books = [Book(title='A1', pages=100), Book(title='A2', pages=250)]
a2.books = [Book(title='B1', pages=80)]
s.add_all([a1, a2, a3])
s.commit()

counts = s.query(Book.author_id, func.count('*').label('n')).group_by(Book.author_id).subquery()
for a, n in s.query(Author, counts.c.n).outerjoin(counts, Author.id == counts.c.author_id).order_by(Author.id):
    print(a, n)
named = s.query(Book.author_id, func.sum(Book.pages).label('total')).group_by(Book.author_id).subquery('totals')
print(s.query(Author.name, named.c.total).join(named, Author.id == named.c.author_id).order_by(named.c.total.desc()).all())
big = s.query(Book.author_id).filter(Book.pages > 90).cte('big')
print(s.query(Author).join(big, Author.id == big.c.author_id).all())
most = s.query(func.max(Book.pages)).filter(Book.author_id == Author.id).label('most')
print(s.query(Author.name, most).order_by(Author.id).all())
fewest = s.query(func.min(Book.pages)).filter(Book.author_id == Author.id).scalar_subquery()
print(s.query(Author.name, fewest).order_by(Author.id).all())
print(s.query(Author).filter(s.query(Book).filter(Book.author_id == Author.id).exists()).all())
print(s.query(Author).add_columns(Author.name).order_by(Author.id).all())
print(s.query(Author.id).add_column(Author.name).order_by(Author.id).all())
print(s.query(Book).order_by(Book.id).slice(1, 3).all())
print(s.query(Book).order_by(Book.id)[1:])
print(s.query(Book).order_by(Book.id)[0])
print(s.query(func.count(Book.id)).select_from(Book).scalar())
print(s.query(Author.name).select_from(Book).join(Book.author).filter(Book.pages < 90).all())
print(s.query(Author.name).filter(Author.id > 1).statement)
print(s.query(Author).filter_by(name='Ann').one().books)
print(s.query(Book).filter(Book.title.startswith('A')).with_entities(Book.title).all())
