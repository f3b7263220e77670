# source: doc/build/orm/self_referential.rst, section "Adjacency List Relationships"
# adapted: the doc's mappings on a DeclarativeBase (each of the three on its own base) and "sqlite://"; the graph the page draws is persisted with the first mapping and its rows printed, the bidirectional mapping then loads a node's parent
from sqlalchemy import ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# --- doc/build/orm/self_referential.rst ---
class Node(Base):
    __tablename__ = "node"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("node.id"))
    data = mapped_column(String(50))
    children = relationship("Node")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
root = Node(data="root")
child2 = Node(data="child2")
child2.children = [Node(data="subchild1"), Node(data="subchild2")]
root.children = [Node(data="child1"), child2, Node(data="child3")]
session.add(root)
session.commit()
for node in session.scalars(select(Node).order_by(Node.id)):
    print(node.id, node.parent_id, node.data, [c.data for c in node.children])
session.close()


class Base2(DeclarativeBase):
    pass


class Node2(Base2):
    __tablename__ = "node"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("node.id"))
    data = mapped_column(String(50))
    children = relationship("Node2", back_populates="parent")
    parent = relationship("Node2", back_populates="children", remote_side=[id])


session = Session(engine)
subchild1 = session.scalars(select(Node2).where(Node2.data == "subchild1")).one()
print(subchild1.parent.data, [c.data for c in subchild1.parent.children])
session.close()
