# Repository pattern: a generic base repository over a Session, typed with Generic[T],
# subclassed per model with query helpers; a unit-of-work wrapper commits.
from typing import Generic, List, Optional, Type, TypeVar

from sqlalchemy import ForeignKey, String, create_engine, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    city: Mapped[str] = mapped_column(String(40))
    orders: Mapped[List["Order"]] = relationship(back_populates="customer", cascade="all, delete-orphan")

    def __repr__(self):
        return f"Customer({self.name!r}, {self.city!r})"


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    total: Mapped[int]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    customer: Mapped[Customer] = relationship(back_populates="orders")


T = TypeVar("T", bound=Base)


class Repository(Generic[T]):
    model: Type[T]

    def __init__(self, session: Session):
        self.session = session

    def add(self, obj: T) -> T:
        self.session.add(obj)
        return obj

    def get(self, id_: int) -> Optional[T]:
        return self.session.get(self.model, id_)

    def list(self, **filters) -> List[T]:
        stmt = select(self.model).filter_by(**filters).order_by(self.model.id)
        return list(self.session.scalars(stmt))

    def delete(self, obj: T) -> None:
        self.session.delete(obj)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(self.model))


class CustomerRepository(Repository[Customer]):
    model = Customer

    def by_city(self, city: str) -> List[Customer]:
        return self.list(city=city)

    def top_spenders(self, limit: int = 2):
        stmt = (
            select(Customer.name, func.sum(Order.total).label("spent"))
            .join(Customer.orders)
            .group_by(Customer.id)
            .order_by(func.sum(Order.total).desc())
            .limit(limit)
        )
        return self.session.execute(stmt).all()


class UnitOfWork:
    def __init__(self, factory):
        self.factory = factory

    def __enter__(self):
        self.session = self.factory()
        self.customers = CustomerRepository(self.session)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.session.commit()
        else:
            self.session.rollback()
        self.session.close()
        return False


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine, expire_on_commit=False)

with UnitOfWork(SessionLocal) as uow:
    ann = uow.customers.add(Customer(name="Ann", city="Oslo"))
    ann.orders = [Order(total=120), Order(total=30)]
    bob = uow.customers.add(Customer(name="Bob", city="Rome"))
    bob.orders.append(Order(total=75))
    uow.customers.add(Customer(name="Cid", city="Oslo", orders=[Order(total=10)]))

with UnitOfWork(SessionLocal) as uow:
    print(uow.customers.count())
    print(uow.customers.by_city("Oslo"))
    for name, spent in uow.customers.top_spenders():
        print(f"{name.ljust(6)}{spent:>6}")
    uow.customers.delete(uow.customers.get(2))

try:
    with UnitOfWork(SessionLocal) as uow:
        uow.customers.add(Customer(name="Dee", city="Kyiv"))
        raise RuntimeError("payment failed")
except RuntimeError as e:
    print("rolled back:", e)

with UnitOfWork(SessionLocal) as uow:
    print(uow.customers.list(), uow.customers.count())
    print(uow.session.scalar(select(func.count(Order.id))))
