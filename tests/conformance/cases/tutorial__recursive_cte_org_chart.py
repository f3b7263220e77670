# A recursive CTE over an employees table (manager_id): the chain of command under a
# manager with depth, the path as a string, and a plain CTE used twice for aggregates.
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, func, literal, select

engine = create_engine("sqlite://")
md = MetaData()
emp = Table(
    "employees", md,
    Column("id", Integer, primary_key=True),
    Column("name", String(20)),
    Column("manager_id", Integer, ForeignKey("employees.id")),
    Column("salary", Integer),
)
md.create_all(engine)

with engine.begin() as conn:
    conn.execute(emp.insert(), [
        {"id": 1, "name": "CEO", "manager_id": None, "salary": 300},
        {"id": 2, "name": "CTO", "manager_id": 1, "salary": 200},
        {"id": 3, "name": "CFO", "manager_id": 1, "salary": 190},
        {"id": 4, "name": "Dev1", "manager_id": 2, "salary": 120},
        {"id": 5, "name": "Dev2", "manager_id": 2, "salary": 110},
        {"id": 6, "name": "Intern", "manager_id": 4, "salary": 40},
        {"id": 7, "name": "Acct", "manager_id": 3, "salary": 90},
    ])

top = (
    select(emp.c.id, emp.c.name, literal(0).label("depth"), emp.c.name.label("path"))
    .where(emp.c.id == 2)
    .cte("chain", recursive=True)
)
e = emp.alias("e")
chain = top.union_all(
    select(e.c.id, e.c.name, top.c.depth + 1, top.c.path + " > " + e.c.name)
    .where(e.c.manager_id == top.c.id)
)
stmt = select(chain.c.name, chain.c.depth, chain.c.path).order_by(chain.c.depth, chain.c.id)
print(stmt)

with engine.connect() as conn:
    for name, depth, path in conn.execute(stmt):
        print("  " * depth + name, "|", path)

    dept_pay = select(emp.c.manager_id, func.sum(emp.c.salary).label("payroll")).group_by(emp.c.manager_id).cte("dept_pay")
    q = (
        select(emp.c.name, dept_pay.c.payroll)
        .join(dept_pay, dept_pay.c.manager_id == emp.c.id)
        .where(dept_pay.c.payroll > select(func.avg(dept_pay.c.payroll)).scalar_subquery())
        .order_by(emp.c.name)
    )
    print(conn.execute(q).all())
