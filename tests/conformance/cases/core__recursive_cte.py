# Recursive CTEs: cte(recursive=True) completed by union_all(), the recursive part naming the
# CTE (anonymous and named), printed and executed over an org chart.
from sqlalchemy import *
metadata = MetaData()
parts = Table("parts", metadata, Column("part", String), Column("sub_part", String), Column("quantity", Integer))
included_parts = (
    select(parts.c.sub_part, parts.c.part, parts.c.quantity)
    .where(parts.c.part == "our part")
    .cte(recursive=True)
)
incl_alias = included_parts  # (the docs alias it; a CTE alias is not supported yet)
parts_alias = parts.alias()
included_parts = included_parts.union_all(
    select(parts_alias.c.sub_part, parts_alias.c.part, parts_alias.c.quantity).where(
        parts_alias.c.part == incl_alias.c.sub_part
    )
)
statement = select(
    included_parts.c.sub_part,
    func.sum(included_parts.c.quantity).label("total_quantity"),
).group_by(included_parts.c.sub_part)
print(statement)
emp = Table("emp", metadata, Column("id", Integer, primary_key=True), Column("name", String), Column("boss_id", Integer))
tree = select(emp.c.id, emp.c.name, literal(0).label("depth")).where(emp.c.boss_id == None).cte("tree", recursive=True)
tree = tree.union_all(select(emp.c.id, emp.c.name, (tree.c.depth + 1).label("depth")).join(tree, emp.c.boss_id == tree.c.id))
stmt = select(tree).order_by(tree.c.depth, tree.c.name)
print(stmt)
e = create_engine("sqlite://")
with e.begin() as c:
    metadata.create_all(c)
    c.execute(insert(emp), [{"id": 1, "name": "ann", "boss_id": None}, {"id": 2, "name": "bob", "boss_id": 1}, {"id": 3, "name": "cy", "boss_id": 2}, {"id": 4, "name": "di", "boss_id": 1}])
    for row in c.execute(stmt):
        print(row)
