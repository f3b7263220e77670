# A self-referential relationship without remote_side is one-to-many: loading, joining along it and any() on rows inserted directly.
from sqlalchemy import Integer, ForeignKey, String, create_engine, select, insert
from sqlalchemy.orm import DeclarativeBase, relationship, mapped_column, Session, aliased, selectinload, joinedload


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(Integer, ForeignKey("node.id"))
    data = mapped_column(String(50))
    children = relationship("Node")

    def __repr__(self):
        return f"Node({self.data!r})"


e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.execute(
        insert(Node),
        [
            {"id": 1, "parent_id": None, "data": "root"},
            {"id": 2, "parent_id": 1, "data": "child1"},
            {"id": 3, "parent_id": 1, "data": "child2"},
            {"id": 4, "parent_id": 3, "data": "subchild1"},
        ],
    )
    for n in s.scalars(select(Node)):
        print(n.id, n.parent_id, n.data, n.children)
    s.expunge_all()
    print([(n, n.children) for n in s.scalars(select(Node).options(selectinload(Node.children)))])
    na = aliased(Node)
    print(select(Node).join(Node.children.of_type(na)).where(na.data == "x"))
    print(s.scalars(select(Node).join(Node.children.of_type(na)).where(na.data == "subchild1")).all())
    print(s.scalars(select(Node).where(Node.children.any())).all())
    print(s.scalars(select(Node).where(Node.children.contains(s.get(Node, 4)))).all())
    for f in [lambda: select(Node).join(Node.children), lambda: select(Node).where(Node.children == None),
              lambda: select(Node).options(joinedload(Node.children)), lambda: select(na).where(na.children.any()),
              lambda: select(Node).where(Node.children.any(Node.data == "x")), lambda: select(Node).join(na, Node.children)]:
        try:
            print(f())
        except Exception as ex:
            print(type(ex).__name__, ex)
