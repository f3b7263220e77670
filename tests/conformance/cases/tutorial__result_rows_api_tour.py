# A tour of Result and Row: tuple unpacking, attribute and index access, row._mapping,
# row._asdict(), result.keys(), first(), one_or_none(), scalar_one(), scalars().all(),
# mappings().first(), fetchmany(), partitions(), unique().
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select
from sqlalchemy.exc import MultipleResultsFound, NoResultFound

engine = create_engine("sqlite://")
metadata = MetaData()
cities = Table(
    "cities", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40)),
    Column("country", String(2)),
    Column("population", Integer),
)
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(cities), [
        {"name": "Lyon", "country": "FR", "population": 522},
        {"name": "Nice", "country": "FR", "population": 342},
        {"name": "Porto", "country": "PT", "population": 232},
        {"name": "Braga", "country": "PT", "population": 193},
        {"name": "Graz", "country": "AT", "population": 291},
    ])

with engine.connect() as conn:
    result = conn.execute(select(cities.c.name, cities.c.population).order_by(cities.c.id))
    print(list(result.keys()))
    row = result.first()
    print(row, row.name, row[1], row._mapping["population"], row._asdict())
    name, pop = row
    print(name, pop, len(row), tuple(row))

    r = conn.execute(select(cities).where(cities.c.country == "AT")).one_or_none()
    print(r)
    print(conn.execute(select(cities).where(cities.c.country == "DE")).one_or_none())
    print(conn.execute(select(cities.c.population).where(cities.c.name == "Nice")).scalar_one())
    try:
        conn.execute(select(cities).where(cities.c.country == "FR")).one()
    except MultipleResultsFound as e:
        print("MultipleResultsFound:", e)
    try:
        conn.execute(select(cities).where(cities.c.country == "XX")).scalar_one()
    except NoResultFound as e:
        print("NoResultFound:", e)

    print(conn.execute(select(cities.c.country).order_by(cities.c.country)).scalars().unique().all())
    m = conn.execute(select(cities).order_by(cities.c.population.desc())).mappings().first()
    print(dict(m), m["name"])

    result = conn.execute(select(cities.c.name).order_by(cities.c.name))
    print(result.fetchmany(2), result.fetchone(), result.fetchall())
    for chunk in conn.execute(select(cities.c.id).order_by(cities.c.id)).partitions(2):
        print([r.id for r in chunk])
    rows = conn.execute(select(cities.c.name, cities.c.country)).all()
    print(sorted(rows, key=lambda r: r.name)[0], rows[0] == ("Lyon", "FR"))
    print({r.country: r.name for r in rows})
