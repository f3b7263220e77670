session.query(Stuff).update({Stuff.foo: Stuff.foo + 1}, synchronize_session=False)
session.commit()
