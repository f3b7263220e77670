with engine.begin() as conn:
    conn.execute(update(Stuff.__table__).values(foo=Stuff.__table__.c.foo + 1))
