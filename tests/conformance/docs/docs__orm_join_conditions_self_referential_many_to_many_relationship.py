# source: doc/build/orm/join_conditions.rst, section "Self-Referential Many-to-Many Relationship"
# adapted: the doc's first (Declarative) mapping and "sqlite://"; three nodes are linked, persisted, loaded back in both directions and joined along
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, aliased

# --- doc/build/orm/join_conditions.rst ---
from typing import List

from sqlalchemy import Integer, ForeignKey, Column, Table
from sqlalchemy.orm import DeclarativeBase, Mapped
from sqlalchemy.orm import mapped_column, relationship


class Base(DeclarativeBase):
    pass


node_to_node = Table(
    "node_to_node",
    Base.metadata,
    Column("left_node_id", Integer, ForeignKey("node.id"), primary_key=True),
    Column("right_node_id", Integer, ForeignKey("node.id"), primary_key=True),
)


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
    right_nodes: Mapped[List["Node"]] = relationship(
        "Node",
        secondary=node_to_node,
        primaryjoin=id == node_to_node.c.left_node_id,
        secondaryjoin=id == node_to_node.c.right_node_id,
        back_populates="left_nodes",
    )
    left_nodes: Mapped[List["Node"]] = relationship(
        "Node",
        secondary=node_to_node,
        primaryjoin=id == node_to_node.c.right_node_id,
        secondaryjoin=id == node_to_node.c.left_node_id,
        back_populates="right_nodes",
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
n1, n2, n3 = Node(label="n1"), Node(label="n2"), Node(label="n3")
n1.right_nodes = [n2, n3]
session.add(n1)
session.commit()
print([n.label for n in n1.right_nodes], [n.label for n in n2.left_nodes])
right = aliased(Node)
print(select(Node.label, right.label).join(Node.right_nodes.of_type(right)))
print(session.execute(select(Node.label).where(Node.left_nodes.any(Node.label == "n1"))).all())
session.close()
