# source: doc/build/orm/self_referential.rst, section "Self-Referential Query Strategies"
# adapted: the page's bidirectional Node mapping on a DeclarativeBase and "sqlite://", with the page's graph (root, child1, child2 with subchild1 and subchild2, child3) inserted as rows; the queries' results are printed
from sqlalchemy import ForeignKey, Integer, String, create_engine, insert, select
from sqlalchemy.orm import DeclarativeBase, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("node.id"))
    data = mapped_column(String(50))
    children = relationship("Node", back_populates="parent")
    parent = relationship("Node", back_populates="children", remote_side=[id])

    def __repr__(self):
        return f"Node({self.data!r})"


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

# --- doc/build/orm/self_referential.rst ---
# get all nodes named 'child2'
print(session.scalars(select(Node).where(Node.data == "child2")).all())

from sqlalchemy.orm import aliased

nodealias = aliased(Node)
print(
    session.scalars(
        select(Node)
        .where(Node.data == "subchild1")
        .join(Node.parent.of_type(nodealias))
        .where(nodealias.data == "child2")
    ).all()
)
session.close()
