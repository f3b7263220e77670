# source: doc/build/orm/self_referential.rst, section "Configuring Self-Referential Eager Loading"
# adapted: the doc's mapping on a DeclarativeBase and "sqlite://", with the page's graph (root, child1, child2 with subchild1 and subchild2, child3) inserted as rows; the query as the doc writes it (`.all()`, which SQLAlchemy 2.1 refuses without `.unique()` for a joined eager collection), then its nodes printed with their children
from sqlalchemy import ForeignKey, Integer, String, create_engine, insert, select
from sqlalchemy.orm import DeclarativeBase, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/self_referential.rst ---
class Node(Base):
    __tablename__ = "node"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("node.id"))
    data = mapped_column(String(50))
    children = relationship("Node", lazy="joined", join_depth=2)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.execute(
    insert(Node),
    [
        {"id": 1, "parent_id": None, "data": "root"},
        {"id": 2, "parent_id": 1, "data": "child1"},
        {"id": 3, "parent_id": 1, "data": "child2"},
        {"id": 4, "parent_id": 3, "data": "subchild1"},
        {"id": 5, "parent_id": 3, "data": "subchild2"},
        {"id": 6, "parent_id": 1, "data": "child3"},
    ],
)
session.commit()

nodes = session.scalars(select(Node)).all()
for node in nodes:
    print(node.data, [c.data for c in node.children])
session.close()
