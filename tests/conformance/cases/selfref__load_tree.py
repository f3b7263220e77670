# Loading an adjacency list: selectinload chained per level, joinedload of the parent, aliased self-joins
from sqlalchemy import ForeignKey, create_engine, insert, select
from sqlalchemy.orm import (
    DeclarativeBase, Mapped, Session, aliased, joinedload, mapped_column, relationship, selectinload,
)


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("node.id"))
    data: Mapped[str]
    children: Mapped[list["Node"]] = relationship(back_populates="parent")
    parent: Mapped["Node | None"] = relationship(back_populates="children", remote_side=[id])


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.execute(
        insert(Node),
        [
            {"id": 1, "parent_id": None, "data": "root"},
            {"id": 2, "parent_id": 1, "data": "child1"},
            {"id": 3, "parent_id": 1, "data": "child2"},
            {"id": 4, "parent_id": 3, "data": "subchild1"},
            {"id": 5, "parent_id": 3, "data": "subchild2"},
        ],
    )
    session.commit()

with Session(engine) as session:
    stmt = select(Node).where(Node.parent_id.is_(None)).options(
        selectinload(Node.children).selectinload(Node.children)
    )
    root = session.scalars(stmt).one()
    print(root.data, [(c.data, [g.data for g in c.children]) for c in root.children])

with Session(engine) as session:
    nodes = session.scalars(select(Node).options(joinedload(Node.parent)).order_by(Node.id)).all()
    print([(n.data, n.parent.data if n.parent else None) for n in nodes])

with Session(engine) as session:
    parent = aliased(Node)
    grandparent = aliased(Node)
    stmt = (
        select(Node.data, parent.data, grandparent.data)
        .join(Node.parent.of_type(parent))
        .join(parent.parent.of_type(grandparent))
    )
    print(stmt)
    print(session.execute(stmt).all())
    print(session.scalars(select(Node.data).where(Node.parent.has(Node.data == "child2"))).all())
    print(session.scalars(select(Node.data).where(Node.children.any())).all())
