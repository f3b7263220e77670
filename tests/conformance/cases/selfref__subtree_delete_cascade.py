# Deleting a subtree of an adjacency list with cascade="all, delete-orphan": children first
from sqlalchemy import ForeignKey, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("node.id"))
    name: Mapped[str]
    children: Mapped[list["Node"]] = relationship(
        cascade="all, delete-orphan", back_populates="parent"
    )
    parent: Mapped["Node | None"] = relationship(back_populates="children", remote_side=[id])


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    root = Node(name="root")
    for i in range(2):
        child = Node(name=f"c{i}")
        root.children.append(child)
        for j in range(2):
            child.children.append(Node(name=f"c{i}.{j}"))
    session.add(root)
    session.commit()

with Session(engine) as session:
    c0 = session.scalars(select(Node).where(Node.name == "c0")).one()
    session.delete(c0)
    session.commit()
    print(session.scalars(select(Node.name).order_by(Node.id)).all())
    root = session.get(Node, 1)
    root.children.remove(root.children[0])
    session.commit()
    print(session.scalar(select(func.count()).select_from(Node)))
