// createLab() — the ES module API docs builds use in Node — on the article's classic example.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import initSqlJs from 'sql.js';
import { createLab } from '../../web/lab.js';

const SETUP = `from sqlalchemy import create_engine, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Stuff(Base):
    __tablename__ = "stuff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    foo: Mapped[int] = mapped_column(Integer)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Stuff(foo=i) for i in range(N)])
    s.commit()
`;

const ITERATE = `with Session(engine) as session:
    for obj in session.query(Stuff):
        obj.foo += 1
    session.commit()
`;

const BULK = `with Session(engine) as session:
    session.query(Stuff).update({Stuff.foo: Stuff.foo + 1})
    session.commit()
`;

test('createLab runs the iterate example and reports the executemany UPDATE', async () => {
  const lab = await createLab();
  assert.match(lab.version, /SQLite 3\.\d+/);
  const report = lab.run(ITERATE, { setup: SETUP, rows: 3 });
  assert.equal(report.error, null);
  const sql = report.events.filter((e) => e.kind === 'sql');
  assert.deepEqual(
    sql.map((e) => [e.sql, e.many, e.params]),
    [
      ['SELECT stuff.id AS stuff_id, stuff.foo AS stuff_foo \nFROM stuff', false, []],
      [
        'UPDATE stuff SET foo=? WHERE stuff.id = ?',
        true,
        [
          [1, 1],
          [2, 2],
          [3, 3],
        ],
      ],
    ],
  );
  assert.deepEqual(report.tables.stuff.rows, [
    [1, 1],
    [2, 2],
    [3, 3],
  ]);
});

test('compare runs each strategy on fresh databases and ranks them', async () => {
  const lab = await createLab();
  const results = lab.compare({ setup: SETUP, strategies: { Iterate: ITERATE, Bulk: BULK }, rows: 50 });
  assert.deepEqual(
    results.map((r) => [r.name, r.report.error, r.report.timing.statements]),
    [
      ['Iterate', null, 2],
      ['Bulk', null, 1],
    ],
  );
  assert.ok(results.some((r) => r.ratio === 1));
  // Every repetition re-ran the setup: each report shows the data changed once.
  for (const r of results) assert.deepEqual(r.report.tables.stuff.rows.at(-1), [50, 50]);
  // By default at least 3 repetitions, more within the 2 s budget, as many for each strategy.
  assert.ok(results[0].samples.length >= 3);
  assert.equal(results[0].samples.length, results[1].samples.length);
});

test('compare takes {repetitions, warmup, budgetMs} and returns every repetition’s timing', async () => {
  const lab = await createLab();
  const results = lab.compare({
    setup: SETUP,
    strategies: [
      { name: 'Iterate', source: ITERATE },
      { name: 'Bulk', source: BULK },
    ],
    rows: 20,
    repetitions: 5,
    warmup: 0,
    budgetMs: 0,
  });
  for (const r of results) {
    assert.equal(r.samples.length, 5);
    assert.equal(r.time.n, 5);
    for (const s of r.samples)
      assert.ok(s.total_ms >= 0 && s.sqlite_ms + s.python_ms <= s.total_ms + 1e-9, JSON.stringify(s));
    assert.ok(r.time.min <= r.time.median && r.time.median <= r.time.max);
    assert.ok(r.ratioRange.min <= r.ratio && r.ratio <= r.ratioRange.max);
  }
  // A strategy that raises is reported once, without samples.
  const failing = lab.compare({ setup: SETUP, strategies: { Bad: '1 / 0\n', Bulk: BULK }, rows: 5, budgetMs: 0 });
  assert.equal(failing[0].report.error.type, 'ZeroDivisionError');
  assert.deepEqual(failing[0].samples, []);
  assert.equal(failing[0].ratio, null);
  assert.equal(failing[1].ratio, 1);
});

test('a database exported after a Python run opens in sql.js and in another lab', async () => {
  const lab = await createLab();
  lab.run(`${SETUP}\n${BULK}`.replace(/\bN\b/, '4'));
  const bytes = lab.exportDatabase();
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  assert.deepEqual(db.exec('SELECT id, foo FROM stuff ORDER BY id')[0].values, [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
  ]);
  db.close();
  const other = await createLab();
  other.importDatabase(bytes);
  const report = other.run(
    'from sqlalchemy import create_engine, text\nengine = create_engine("sqlite://")\nwith engine.connect() as c:\n    print(c.execute(text("SELECT sum(foo) FROM stuff")).scalar())\n',
  );
  assert.equal(report.error, null);
  assert.equal(report.stdout, '10\n');
});
