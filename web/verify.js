// Comparing a SessionLab run report with real SQLAlchemy's for the same script: what "Check
// against SQLAlchemy", `lab.verify()` and the Pyodide conformance test agree to call identical.
//
// Compared: every event in order (BEGIN/COMMIT/ROLLBACK; for statements the SQL text, the
// parameters and executemany), the printed output, the escaping error (its type, and its
// message unless it is one of Python's built-in exceptions), SQLAlchemy's warnings (category
// and message, in order) and the final tables.
// Not compared, because the two sides legitimately differ: timings; Python's own warnings
// (DeprecationWarning and friends change between CPython versions); the wording of built-in exceptions' messages and tracebacks (real
// SQLAlchemy runs on CPython 3.14 in Pyodide, SessionLab follows CPython 3.11); the causes
// and line numbers of statements (derived differently on each side); the session snapshot.

/** What the comparison leaves out, for the verdict's note. */
export const NOT_COMPARED =
  "Compared: SQL, parameters, transactions, printed output, the error, SQLAlchemy's warnings and the final tables. Not compared: timings, Python's own warnings, and the wording of Python's built-in error messages (SQLAlchemy runs on CPython 3.14 in Pyodide; SessionLab follows 3.11).";

const scrub = (text) => String(text ?? '').replace(/ at 0x[0-9a-fA-F]+/g, ' at 0x?');

/** Equal as report values; floats within a relative 1e-9 (text forms of floats may round). */
export function sameValue(a, b) {
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

/** An event reduced to what is compared. */
export const eventOf = (e) =>
  e === undefined
    ? null
    : e.kind === 'sql'
      ? { kind: 'sql', sql: e.sql, params: e.params, many: Boolean(e.many) }
      : { kind: e.kind };

/** The error reduced to what is compared. */
export function errorOf(error) {
  if (!error) return null;
  const builtin = error.module === 'builtins';
  return { type: error.type, message: builtin ? null : scrub(error.message).split('\n')[0] };
}

/** Python's own warning categories: their texts follow the interpreter's version. */
const PYTHON_WARNINGS = new Set([
  'Warning',
  'UserWarning',
  'DeprecationWarning',
  'PendingDeprecationWarning',
  'SyntaxWarning',
  'RuntimeWarning',
  'FutureWarning',
  'ImportWarning',
  'UnicodeWarning',
  'BytesWarning',
  'ResourceWarning',
  'EncodingWarning',
]);

/** SQLAlchemy's warnings of a report, reduced to what is compared. */
export const warningsOf = (report) =>
  (report.warnings ?? [])
    .filter((w) => !PYTHON_WARNINGS.has(w.category))
    .map((w) => ({ category: w.category, message: scrub(w.message) }));

/**
 * The first difference between two run reports, or null when they agree on everything
 * compared. A difference is `{what, index?, ours, theirs, text}`: `what` is `event`, `stdout`,
 * `error`, `warnings` or `tables` (`index` is the event's position), `ours`/`theirs` the two sides.
 */
export function firstDifference(ours, theirs) {
  const a = ours.events ?? [];
  const b = theirs.events ?? [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = eventOf(a[i]);
    const y = eventOf(b[i]);
    if (!sameValue(x, y)) {
      return { what: 'event', index: i, ours: x, theirs: y, text: `statement or transaction event ${i + 1} differs` };
    }
  }
  if (scrub(ours.stdout) !== scrub(theirs.stdout)) {
    return {
      what: 'stdout',
      ours: scrub(ours.stdout),
      theirs: scrub(theirs.stdout),
      text: 'the printed output differs',
    };
  }
  const ea = errorOf(ours.error);
  const eb = errorOf(theirs.error);
  if (ea && eb && (ea.message === null || eb.message === null)) {
    ea.message = eb.message = null;
  }
  if (!sameValue(ea, eb)) {
    return { what: 'error', ours: ours.error ?? null, theirs: theirs.error ?? null, text: 'the error differs' };
  }
  const wa = warningsOf(ours);
  const wb = warningsOf(theirs);
  if (!sameValue(wa, wb)) {
    return { what: 'warnings', ours: wa, theirs: wb, text: "SQLAlchemy's warnings differ" };
  }
  const tables = new Set([...Object.keys(ours.tables ?? {}), ...Object.keys(theirs.tables ?? {})]);
  for (const name of [...tables].sort()) {
    const x = ours.tables?.[name] ?? null;
    const y = theirs.tables?.[name] ?? null;
    if (!sameValue(x && { columns: x.columns, rows: x.rows }, y && { columns: y.columns, rows: y.rows })) {
      return { what: 'tables', table: name, ours: x, theirs: y, text: `the table ${name} differs after the run` };
    }
  }
  return null;
}

/** True when our engine stopped at something it does not implement (real SQLAlchemy may run it). */
export function needsRealEngine(report) {
  const e = report?.error;
  if (!e) return false;
  return (
    e.type === 'NotImplementedError' ||
    e.type === 'ModuleNotFoundError' ||
    e.type === 'ImportError' ||
    /not supported in SessionLab/.test(e.message ?? '')
  );
}
