# A signup service: catching IntegrityError for a duplicate email and a NOT NULL, rolling
# back, checking the message text to tell which constraint failed; a savepoint with
# begin_nested() to keep the rest of the transaction.
from sqlalchemy import String, create_engine, select, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)


def signup(session, email, name):
    try:
        acct = Account(email=email, display_name=name)
        session.add(acct)
        session.commit()
        return acct, None
    except IntegrityError as exc:
        session.rollback()
        msg = str(exc.orig)
        if "UNIQUE" in msg:
            return None, f"email {email} already registered"
        if "NOT NULL" in msg:
            return None, "missing field: " + msg.split(": ")[1]
        raise


with Session(engine) as session:
    for email, name in [("a@x.io", "Ann"), ("b@x.io", "Bob"), ("a@x.io", "Ann2"), ("c@x.io", None)]:
        acct, err = signup(session, email, name)
        print(acct.id if acct else None, err)

    # keep going after a failure inside one transaction with a savepoint
    emails = ["d@x.io", "b@x.io", "e@x.io"]
    added = []
    for e in emails:
        try:
            with session.begin_nested():
                session.add(Account(email=e, display_name=e.split("@")[0]))
            added.append(e)
        except IntegrityError:
            print("skipped", e)
    session.commit()
    print(added)
    print(session.scalar(select(func.count(Account.id))))

    try:
        session.add(Account(email="a@x.io", display_name="dup"))
        session.flush()
    except IntegrityError as e:
        print(e.statement)
        print(e.params)
        print(e.orig.__class__.__module__, e.orig.__class__.__name__)
        session.rollback()
    print([a.email for a in session.scalars(select(Account).order_by(Account.id))])
