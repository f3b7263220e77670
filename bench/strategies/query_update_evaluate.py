# LOADED: the N objects are in the session before the timed part.
session.query(Stuff).update({Stuff.foo: Stuff.foo + 1}, synchronize_session="evaluate")
session.commit()
