// The conformance cases that pass natively (tests/conformance/passing.txt, and the documentation
// corpus's tests/conformance/docs/passing.txt) through the wasm build: events, printed output,
// error and final tables as real SQLAlchemy produced them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../web/pkg/', import.meta.url);
const own = new URL('../conformance/cases/', import.meta.url);
const shared = new URL('../../../shared/conformance/cases/', import.meta.url);
const { default: init, Lab } = await import(new URL('sessionlab.js', pkg));
await init({ module_or_path: readFileSync(new URL('sessionlab_bg.wasm', pkg)) });

const docs = new URL('../conformance/docs/', import.meta.url);

/** The case names a ratchet file lists (comments and blank lines skipped). */
const ratchet = (url) =>
  (existsSync(url) ? readFileSync(url, 'utf8') : '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

const names = ratchet(new URL('../conformance/passing.txt', import.meta.url));
const docNames = ratchet(new URL('passing.txt', docs));

/** The case's folder: the project's own cases, else the shared ones when present. */
function locate(name) {
  for (const dir of [own, shared]) {
    if (existsSync(new URL(`${name}.py`, dir)) && existsSync(new URL(`${name}.json`, dir))) {
      return dir;
    }
  }
  return null;
}

const scrub = (text) => (text ?? '').replace(/ at 0x[0-9a-fA-F]+/g, ' at 0x?');

function sameValue(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

const eventOf = (e) =>
  e.kind === 'sql' ? { kind: 'sql', sql: e.sql, params: e.params, many: e.many } : { kind: e.kind };

/** The first difference between the golden report and the wasm build's, or null. */
function firstDiff(want, got) {
  const we = want.events.map(eventOf);
  const ge = got.events.map(eventOf);
  for (let i = 0; i < Math.max(we.length, ge.length); i++) {
    if (!sameValue(we[i], ge[i])) {
      return `event ${i}: want ${JSON.stringify(we[i])} got ${JSON.stringify(ge[i])}`;
    }
  }
  if (want.stdout !== scrub(got.stdout)) {
    return `stdout: want ${JSON.stringify(want.stdout)} got ${JSON.stringify(got.stdout)}`;
  }
  const wantError = want.error ? [want.error.type, want.error.message.split('\n')[0]] : null;
  const gotError = got.error ? [got.error.type, scrub(got.error.message).split('\n')[0]] : null;
  if (!sameValue(wantError, gotError)) {
    return `error: want ${JSON.stringify(wantError)} got ${JSON.stringify(gotError)}`;
  }
  if (!sameValue(want.tables, got.tables)) {
    return `tables: want ${JSON.stringify(want.tables)} got ${JSON.stringify(got.tables)}`;
  }
  return null;
}

test('every lesson of the gallery matches real SQLAlchemy in the wasm build', () => {
  const lessonsDir = new URL('../../web/lessons/', import.meta.url);
  const goldens = new URL('../conformance/lessons/', import.meta.url);
  const index = JSON.parse(readFileSync(new URL('lessons.json', lessonsDir), 'utf8'));
  assert.ok(index.length >= 10, `only ${index.length} lessons`);
  const lab = new Lab();
  const failures = [];
  for (const { file } of index) {
    if (!file) continue;
    const source = readFileSync(new URL(file, lessonsDir), 'utf8');
    const want = JSON.parse(readFileSync(new URL(file.replace(/\.py$/, '.json'), goldens), 'utf8'));
    const diff = firstDiff(want, lab.runPython(source));
    if (diff) failures.push(`${file}: ${diff}`);
  }
  assert.deepEqual(failures, []);
});

test('the side-by-side lesson runs each strategy after its setup', () => {
  const dir = new URL('../../web/lessons/', import.meta.url);
  const index = JSON.parse(readFileSync(new URL('lessons.json', dir), 'utf8'));
  const lesson = index.find((l) => l.setup);
  assert.ok(lesson, 'a workspace lesson');
  const setup = readFileSync(new URL(lesson.setup, dir), 'utf8');
  const lab = new Lab();
  const statements = lesson.strategies.map(({ file }) => {
    const report = lab.runStrategy(setup, readFileSync(new URL(file, dir), 'utf8'), 50);
    assert.equal(report.error, null, file);
    assert.equal(report.stdout, '1275\n', file);
    assert.ok(report.timing.setup_ms > 0 && report.timing.total_ms > 0, file);
    return report.timing.statements;
  });
  // Iterating: one SELECT, one executemany UPDATE, one SELECT for the sum; bulk forms: two.
  assert.deepEqual(statements, [3, 2, 2]);
});

test('conformance cases pass in the wasm build as they do natively', () => {
  const lab = new Lab();
  const failures = [];
  let ran = 0;
  for (const name of names) {
    const dir = locate(name);
    if (!dir) continue;
    const source = readFileSync(new URL(`${name}.py`, dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
    const diff = firstDiff(want, lab.runPython(source));
    ran += 1;
    if (diff) failures.push(`${name}: ${diff}`);
  }
  assert.ok(ran >= 40, `only ${ran} cases found`);
  assert.deepEqual(failures, []);
});

test('documentation cases pass in the wasm build as they do natively', () => {
  // tests/conformance/docs: SQLAlchemy's own documentation examples, ratchet docs/passing.txt.
  const lab = new Lab();
  const failures = [];
  for (const name of docNames) {
    const py = new URL(`${name}.py`, docs);
    const json = new URL(`${name}.json`, docs);
    if (!existsSync(py) || !existsSync(json)) {
      failures.push(`${name}: listed in docs/passing.txt but missing`);
      continue;
    }
    const want = JSON.parse(readFileSync(json, 'utf8'));
    const diff = firstDiff(want, lab.runPython(readFileSync(py, 'utf8')));
    if (diff) failures.push(`${name}: ${diff}`);
  }
  assert.deepEqual(failures, []);
});
