# Pagination helper: limit()/offset(), slicing a Query, order_by(desc(...)), page counts.
import math

from sqlalchemy import create_engine, Column, Integer, String, desc
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Article(Base):
    __tablename__ = "articles"
    id = Column(Integer, primary_key=True)
    title = Column(String(80))
    views = Column(Integer, default=0)

    def __repr__(self):
        return f"<Article {self.id}>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
session.add_all([Article(title=f"Post {i}", views=(i * 37) % 11) for i in range(1, 13)])
session.commit()


def paginate(query, page, per_page=5):
    total = query.count()
    items = query.limit(per_page).offset((page - 1) * per_page).all()
    return {"page": page, "pages": math.ceil(total / per_page), "total": total, "items": items}


q = session.query(Article).order_by(Article.id)
for page in (1, 2, 3):
    print(paginate(q, page))

print(session.query(Article).order_by(desc(Article.views), Article.id).limit(3).all())
print(session.query(Article).order_by(Article.id)[2:5])
print(session.query(Article).order_by(Article.id)[7])
print(session.query(Article.title).order_by(Article.views.asc(), Article.id.desc()).first())
