# Function return types (.type), type_=, type_coerce, JSON indexing printed, a Column of no
# table in an expression; window functions over(), filter(), within_group(),
# aggregate_order_by() printed and executed on SQLite.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, insert,
                        func, JSON, cast, type_coerce, literal)

metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)))
address = Table("address", metadata, Column("id", Integer, primary_key=True),
                Column("user_id", ForeignKey("user_account.id")), Column("email", String))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": n} for n in ["sandy", "spongebob", "patrick"]])
    conn.execute(insert(address), [{"user_id": 1, "email": "s@x"}, {"user_id": 2, "email": "b@x"},
                                   {"user_id": 2, "email": "b2@x"}])
for f in [func.now(), func.current_date(), func.count(), func.concat("a", "b"), func.upper("x"),
          func.max(user.c.id), func.max(Column("some_str", String)), func.anything(), func.json_object("{}", type_=JSON)]:
    print(f.type)
print(select(func.json_object("{a, 1}", type_=JSON)["a"]))
print(cast("{}", JSON)["k"])
print(select(type_coerce(user.c.name, String) + "!"))
w1 = select(func.row_number().over(partition_by=user.c.name), user.c.name, address.c.email) \
    .select_from(user).join(address).order_by(address.c.id)
w2 = select(func.count().over(order_by=user.c.name), func.sum(address.c.id).over(),
            func.rank().over(partition_by=[user.c.id, user.c.name], order_by=address.c.id.desc()), user.c.name) \
    .select_from(user).join(address).order_by(address.c.id)
f1 = select(func.count(address.c.email).filter(user.c.name == "sandy"),
            func.count(address.c.email).filter(user.c.name == "spongebob")).select_from(user).join(address)
g1 = select(func.group_concat(user.c.name).aggregate_order_by(user.c.name.desc()))
print(w1)
print(w2)
print(f1)
print(g1)
print(func.unnest(func.percentile_disc(0.5).within_group(user.c.name)))
print(select(func.max(user.c.id).within_group(user.c.name)))
with engine.connect() as conn:
    for s in (w1, w2, f1):
        print(conn.execute(s).all())
