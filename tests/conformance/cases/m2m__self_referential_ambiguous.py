# A self-referential many-to-many without primaryjoin/secondaryjoin: configuring the mappers (the first Node made) raises AmbiguousForeignKeysError.
from sqlalchemy import Integer, ForeignKey, Column, Table, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, relationship, Session

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
    id = Column(Integer, primary_key=True)
    label = Column(String)
    right_nodes = relationship("Node", secondary=node_to_node)

e = create_engine("sqlite://")
Base.metadata.create_all(e)
print("created")
s = Session(e)
n = Node(label="a")
print(n.right_nodes)
