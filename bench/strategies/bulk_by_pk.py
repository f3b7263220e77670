session.execute(update(Stuff), [{"id": i + 1, "foo": i + 1} for i in range(N)])
session.commit()
