# An adjacency list with parent/children back_populates: built from both sides, moved, loaded
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("node.id"))
    name: Mapped[str] = mapped_column(String(30))
    parent: Mapped["Node | None"] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list["Node"]] = relationship(back_populates="parent")

    def __repr__(self):
        return f"Node({self.name!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    root = Node(name="root")
    a = Node(name="a", parent=root)
    b = Node(name="b", parent=root)
    a1 = Node(name="a1", parent=a)
    b.children.append(Node(name="b1"))
    print(root.children, a.parent, b.children[0].parent)
    session.add(root)
    session.commit()
    # a1 moves under b; a new leaf under a1
    a1.parent = b
    Node(name="a1x", parent=a1)
    session.commit()
    for n in session.scalars(select(Node).order_by(Node.id)):
        print(n.id, n.parent_id, n, n.parent, n.children)

with Session(engine) as session:
    b = session.scalars(select(Node).where(Node.name == "b")).one()
    print(b.parent, [c.name for c in b.children], [g.name for c in b.children for g in c.children])
