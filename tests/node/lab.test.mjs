// The wasm build's JS API in Node: the same engine the page's worker holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../web/pkg/', import.meta.url);
const { default: init, Lab } = await import(new URL('sessionlab.js', pkg));
await init({ module_or_path: readFileSync(new URL('sessionlab_bg.wasm', pkg)) });

test('runSql runs the acceptance script and times each statement', () => {
  const lab = new Lab();
  const report = lab.runSql(
    'CREATE TABLE t(x); INSERT INTO t VALUES (1),(2); UPDATE t SET x = x + 1; SELECT * FROM t;',
  );
  assert.equal(report.error, null);
  assert.deepEqual(report.statements.at(-1).rows, [[2], [3]]);
  assert.equal(report.statements[2].rows_affected, 2);
  for (const st of report.statements) assert.ok(st.elapsed_ms >= 0);
  assert.match(lab.version(), /SQLite 3\.\d+/);
});

test('an SQL error is located and the next run works', () => {
  const lab = new Lab();
  const bad = lab.runSql('SELECT 1;\nSELECT * FROM nope;');
  assert.deepEqual(
    { type: bad.error.type, message: bad.error.message, line: bad.error.line },
    { type: 'OperationalError', message: 'no such table: nope', line: 2 },
  );
  assert.equal(lab.runSql('SELECT 2 AS two').statements[0].rows[0][0], 2);
});

test('an exported database imports into another lab as its starting data', () => {
  const a = new Lab();
  a.runSql("CREATE TABLE pets(name TEXT); INSERT INTO pets VALUES ('Rex'), ('Tom');");
  const bytes = a.exportDatabase();
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(bytes.slice(0, 15)), 'SQLite format 3');
  const b = new Lab();
  b.importDatabase(bytes);
  const report = b.runSql('SELECT name FROM pets ORDER BY name');
  assert.deepEqual(report.statements[0].rows, [['Rex'], ['Tom']]);
  assert.throws(() => b.importDatabase(new Uint8Array([1, 2, 3])), { name: 'DatabaseError' });
  b.clearImport();
  assert.equal(b.runSql('SELECT * FROM pets').error.message, 'no such table: pets');
});

test('export before any run is a clear error', () => {
  assert.throws(() => new Lab().exportDatabase(), { name: 'InvalidRequestError', message: /nothing has run yet/ });
});
