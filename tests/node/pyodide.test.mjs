// The conformance oracle: the shared conformance cases and the gallery's lessons run through the
// Pyodide engine (real SQLAlchemy 2.1.9 on CPython 3.14, from dist/pyodide/) in Node, compared
// with their goldens (recorded with CPython 3.11) by web/verify.js — what makes "Check against
// SQLAlchemy" trustworthy. Skipped when the build had no Python/pip for the wheels.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { firstDifference, needsRealEngine } from '../../web/verify.js';

const dist = new URL('../../dist/', import.meta.url);
const manifestUrl = new URL('web/pyodide.json', dist);
const shared = new URL('../../../shared/conformance/cases/', import.meta.url);
const built = existsSync(manifestUrl);

/**
 * Goldens that CPython 3.14 cannot reproduce, with the reason (the comparison already leaves
 * out the wording of built-in exceptions, see web/verify.js).
 */
const KNOWN = {
  events__object_states:
    "SQLAlchemy fires one flush's pending_to_persistent events in its identity set's order, which differs between CPython builds (a, b on 3.11; b, a on Pyodide's 3.14)",
  constraints__table_level:
    "SQLAlchemy creates a table's indexes in the order of a set (Table.indexes), which varies from run to run",
  constraints__table_args:
    "SQLAlchemy creates a table's indexes in the order of a set (Table.indexes), which varies from run to run",
  orderby__many_to_many:
    "SQLAlchemy writes one flush's association rows in the order of its identity set, which differs between CPython builds",
  orderby__desc_and_lists:
    "SQLAlchemy runs one query's selectin loads (Shelf.books, Shelf.tools) in the order of a set, which differs between CPython builds",
  tutorial__dto_enum_decimal_helpers:
    "CPython 3.14 (Pyodide) prints typing.Optional[int] as `int | None`; the golden is 3.11's",
};

let engine = null;
/** Real SQLAlchemy through the JS API (createLab's Pyodide engine: dist/pyodide/). */
async function sqlalchemy() {
  const { createLab } = await import('../../web/lab.js');
  engine ??= await createLab({ engine: 'sqlalchemy' });
  return engine;
}

test(
  'the shared conformance cases through real SQLAlchemy in Pyodide match their goldens',
  { skip: !built && 'dist/ was built without the Pyodide engine' },
  async () => {
    const lab = await sqlalchemy();
    assert.match(lab.version, /^SQLAlchemy 2\.1\.9 on CPython 3\.14/);
    const dir = existsSync(shared) ? shared : new URL('../conformance/cases/', import.meta.url);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.py') && existsSync(new URL(f.replace(/\.py$/, '.json'), dir)))
      .map((f) => f.slice(0, -3))
      .sort();
    assert.ok(names.length >= 40, `only ${names.length} cases`);
    const failures = [];
    for (const name of names) {
      const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
      const got = lab.run(readFileSync(new URL(`${name}.py`, dir), 'utf8'));
      assert.equal(got.engine, 'sqlalchemy');
      const diff = firstDifference(want, got);
      if (diff && !KNOWN[name])
        failures.push(`${name}: ${diff.text}: want ${JSON.stringify(diff.ours)} got ${JSON.stringify(diff.theirs)}`);
    }
    assert.deepEqual(failures, []);
  },
);

test(
  'the gallery lessons and a workspace run the same way in Pyodide',
  { skip: !built && 'dist/ was built without the Pyodide engine' },
  async () => {
    const lab = await sqlalchemy();
    const lessonsDir = new URL('../../web/lessons/', import.meta.url);
    const goldens = new URL('../conformance/lessons/', import.meta.url);
    const index = JSON.parse(readFileSync(new URL('lessons.json', lessonsDir), 'utf8'));
    const failures = [];
    for (const { file } of index.filter((l) => l.file)) {
      const want = JSON.parse(readFileSync(new URL(file.replace(/\.py$/, '.json'), goldens), 'utf8'));
      const diff = firstDifference(want, lab.run(readFileSync(new URL(file, lessonsDir), 'utf8')));
      if (diff) failures.push(`${file}: ${diff.text}`);
    }
    assert.deepEqual(failures, []);
    // A workspace: the setup runs first with N, only the strategy is reported.
    const lesson = index.find((l) => l.setup);
    const setup = readFileSync(new URL(lesson.setup, lessonsDir), 'utf8');
    const strategy = readFileSync(new URL(lesson.strategies[0].file, lessonsDir), 'utf8');
    const report = lab.run(strategy, { setup, rows: 50 });
    assert.equal(report.error, null);
    assert.equal(report.stdout, '1275\n');
    assert.equal(report.error_in, 'script');
    assert.equal(report.timing.statements, 3);
    assert.ok(report.timing.setup_ms > 0 && report.tables_before.stuff.rows.length === 50);
    // The session view: the iterated objects, persistent, with their attributes.
    const objects = report.sessions.flatMap((s) => s.objects);
    assert.ok(objects.length > 0 && objects.every((o) => o.status === 'persistent' && o.class === 'Stuff'));
  },
);

test(
  'the Pyodide report carries a traceback, the error line and the fallback signal',
  { skip: !built && 'dist/ was built without the Pyodide engine' },
  async () => {
    const lab = await sqlalchemy();
    const report = lab.run('x = 1\nraise NotImplementedError("nope")\n');
    assert.equal(report.error.type, 'NotImplementedError');
    assert.equal(report.error.line, 2);
    assert.match(report.error.traceback, /File "<playground>", line 2, in <module>/);
    assert.ok(needsRealEngine(report));
    // Any URL is an in-memory SQLite database: a file name creates no file.
    const files = lab.run(
      'from sqlalchemy import create_engine, text\nimport os\ne = create_engine("sqlite:///app.db")\nwith e.begin() as c: c.execute(text("create table t(x)"))\nprint(os.path.exists("app.db"))\n',
    );
    assert.equal(files.error, null);
    assert.equal(files.stdout, 'False\n');
    // Pyodide's bridge to JavaScript (fetch, the worker's globals) is not importable by scripts.
    for (const name of ['js', 'pyodide.http']) {
      const bridge = lab.run(`import ${name}\n`);
      assert.equal(bridge.error?.type, 'ModuleNotFoundError', name);
    }
    assert.equal(lab.run('print(1)').stdout, '1\n', 'the engine still works afterwards');
  },
);

test(
  'lab.verify runs a workspace strategy in both engines and finds them identical',
  { skip: !built && 'dist/ was built without the Pyodide engine' },
  async () => {
    const lab = await sqlalchemy();
    const dir = new URL('../../web/lessons/', import.meta.url);
    const lesson = JSON.parse(readFileSync(new URL('lessons.json', dir), 'utf8')).find((l) => l.setup);
    const setup = readFileSync(new URL(lesson.setup, dir), 'utf8');
    for (const { file } of lesson.strategies) {
      const result = await lab.verify(readFileSync(new URL(file, dir), 'utf8'), { setup, rows: 100 });
      assert.equal(result.identical, true, `${file}: ${result.difference?.text}`);
      assert.equal(result.theirs.engine, 'sqlalchemy');
      assert.equal(result.ours.stdout, result.theirs.stdout);
    }
    // A difference is found and located: the same script printing something else.
    const { firstDifference } = await import('../../web/verify.js');
    const a = lab.run('print(1)');
    const diff = firstDifference(a, { ...a, stdout: '2\n' });
    assert.equal(diff.what, 'stdout');
    assert.equal(diff.theirs, '2\n');
  },
);
