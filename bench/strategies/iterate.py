for obj in session.query(Stuff):
    obj.foo += 1
session.commit()
