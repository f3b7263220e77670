// web/verify.js, what "Check against SQLAlchemy" calls identical: the first difference between
// two run reports, and which errors offer the real engine. (Without Pyodide: report shapes only.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDifference, needsRealEngine } from '../../web/verify.js';

const report = (over = {}) => ({
  events: [
    { kind: 'begin', line: 3, elapsed_ms: 0 },
    {
      kind: 'sql',
      sql: 'UPDATE t SET x=?',
      params: [[1], [2]],
      many: true,
      line: 4,
      elapsed_ms: 0.2,
      cause: { kind: 'flush', trigger: 'commit' },
    },
    { kind: 'commit', line: 4, elapsed_ms: 0 },
  ],
  stdout: '<T at 0x7f00ab>\n',
  error: null,
  tables: { t: { columns: ['x'], rows: [[1.5], [2]] } },
  timing: { total_ms: 3 },
  ...over,
});

test('reports that differ only in timing, lines, causes and addresses are identical', () => {
  const theirs = report({ timing: { total_ms: 90 }, stdout: '<T at 0x55aa>\n', engine: 'sqlalchemy' });
  theirs.events = theirs.events.map((e) => ({ ...e, line: 1, elapsed_ms: 9, cause: { kind: 'execute' } }));
  theirs.tables.t.rows[0][0] = 1.5000000000000002;
  assert.equal(firstDifference(report(), theirs), null);
});

test('the first difference is located: event, output, error, table', () => {
  const params = report();
  params.events[1] = { ...params.events[1], params: [[1], [3]] };
  const e = firstDifference(report(), params);
  assert.equal(e.what, 'event');
  assert.equal(e.index, 1);
  assert.deepEqual(e.theirs.params, [[1], [3]]);

  const missing = report({ events: report().events.slice(0, 2) });
  assert.equal(firstDifference(report(), missing).index, 2);
  assert.equal(firstDifference(report(), missing).theirs, null);

  assert.equal(firstDifference(report(), report({ stdout: 'x\n' })).what, 'stdout');
  const table = firstDifference(report(), report({ tables: { t: { columns: ['x'], rows: [[1.5]] } } }));
  assert.equal(table.what, 'tables');
  assert.equal(table.table, 't');
});

test("errors: SQLAlchemy's messages are compared, built-in exceptions' only by type", () => {
  const sa = (message) => ({ type: 'InvalidRequestError', module: 'sqlalchemy.exc', message, line: 2 });
  const builtin = (message) => ({ type: 'NameError', module: 'builtins', message, line: 2 });
  assert.equal(firstDifference(report({ error: sa('a') }), report({ error: sa('a') })), null);
  assert.equal(firstDifference(report({ error: sa('a') }), report({ error: sa('b') })).what, 'error');
  // CPython 3.14 words NameError differently from 3.11: not a difference of SQLAlchemy's.
  const wording = firstDifference(
    report({ error: builtin("name 'x' is not defined") }),
    report({ error: builtin("name 'x' is not defined. Did you mean: 'y'?") }),
  );
  assert.equal(wording, null);
  assert.equal(firstDifference(report({ error: builtin('x') }), report()).what, 'error');
});

test('the real engine is offered for what our engine does not implement, not for ordinary errors', () => {
  const withError = (type, message = '') => ({ error: { type, message } });
  assert.ok(needsRealEngine(withError('NotImplementedError', 'aliased() with flat=True')));
  assert.ok(needsRealEngine(withError('ModuleNotFoundError', "No module named 'json'")));
  assert.ok(needsRealEngine(withError('ImportError', "cannot import name 'x' from 'sqlalchemy'")));
  assert.ok(needsRealEngine(withError('SyntaxError', "'match' statements are not supported in SessionLab")));
  assert.ok(!needsRealEngine(withError('IntegrityError', 'UNIQUE constraint failed')));
  assert.ok(!needsRealEngine(withError('SyntaxError', 'invalid syntax')));
  assert.ok(!needsRealEngine({ error: null }));
});

test("warnings: SQLAlchemy's are compared in order, Python's own are not", () => {
  const moved = {
    category: 'MovedIn20Warning',
    message:
      'The ``declarative_base()`` function is now available as sqlalchemy.orm.declarative_base(). (deprecated since: 2.0)',
    line: 2,
    stdout_offset: 0,
  };
  const legacy = { category: 'LegacyAPIWarning', message: 'The Query.get() method is considered legacy', line: 9 };
  const ours = report({ warnings: [moved, legacy] });
  assert.equal(firstDifference(ours, report({ warnings: [{ ...moved, line: 7 }, legacy] })), null);
  const swapped = firstDifference(ours, report({ warnings: [legacy, moved] }));
  assert.equal(swapped.what, 'warnings');
  assert.equal(firstDifference(ours, report({ warnings: [moved] })).what, 'warnings');
  const python = { category: 'DeprecationWarning', message: 'datetime.utcnow() is deprecated', line: 1 };
  assert.equal(firstDifference(ours, report({ warnings: [python, moved, legacy] })), null);
});
