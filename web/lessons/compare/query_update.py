# Method 2: Query.update sends one UPDATE; synchronize_session keeps loaded objects current.
session.query(Stuff).update({Stuff.foo: Stuff.foo + 1})
session.commit()
print(session.scalar(select(func.sum(Stuff.foo))))
