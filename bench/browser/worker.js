// Benchmark worker: loads one build of our core (?pkg=URL-prefix) and, with ?sqljs=1, sql.js too.
// The driver (scripts/bench-browser.mjs) sends {id, task, n}; the worker answers {id, result}.
const params = new URL(self.location.href).searchParams;
const pkg = params.get('pkg') ?? '/pkg/';
const t0 = performance.now();
const ours = await import(`${pkg}sessionlab.js`);
await ours.default();
const lab = new ours.Lab();
const oursReadyMs = performance.now() - t0;
let SQL = null;
let sqljsReadyMs = null;
if (params.get('sqljs') === '1') {
  const t1 = performance.now();
  const initSqlJs = (await import('/sqljs/sql-wasm.mjs')).default;
  SQL = await initSqlJs({ locateFile: (f) => `/sqljs/${f}` });
  sqljsReadyMs = performance.now() - t1;
}

// The update strategies (bench/strategies/NAME.py) after the compare lesson's setup, which
// fills `stuff` with N rows untimed. Fetched once each, before the first timed run.
const SETUP = await (await fetch('/web/lessons/compare/setup.py')).text();
const scripts = new Map();
async function strategySource(name) {
  if (!scripts.has(name)) scripts.set(name, await (await fetch(`/bench/strategies/${name}.py`)).text());
  return scripts.get(name);
}

const CREATE = 'CREATE TABLE stuff(id INTEGER PRIMARY KEY, foo INTEGER)';
const fill = (n) =>
  `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${n}) INSERT INTO stuff SELECT x, x FROM c`;
const singles = new Map();
/** BEGIN; N single-row UPDATEs; COMMIT as one SQL text (cached per n). */
function singleText(n) {
  if (!singles.has(n)) {
    const parts = ['BEGIN;'];
    for (let i = 1; i <= n; i++) parts.push(`UPDATE stuff SET foo = ${i * 7} WHERE id = ${i};`);
    parts.push('COMMIT;');
    singles.set(n, parts.join('\n'));
  }
  return singles.get(n);
}
function check(value) {
  // A build whose runSql returns a JSON string (size experiment) is parsed here, inside the timing.
  const report = typeof value === 'string' ? JSON.parse(value) : value;
  if (report.error) throw new Error(`${report.error.type}: ${report.error.message}`);
  return report;
}

const tasks = {
  // 4. One update strategy through the ORM/Core path (a workspace run: setup untimed).
  strategy: async (n, name) => {
    const source = await strategySource(name);
    // "LOADED" strategies start with the N objects in the session, as the lesson compares them.
    const setup = source.includes('LOADED') ? `${SETUP}loaded = session.query(Stuff).all()\n` : SETUP;
    const report = lab.runStrategy(setup, source, n);
    if (report.error) throw new Error(`${name}: ${report.error.type}: ${report.error.message}`);
    const { total_ms, sqlite_ms, python_ms, statements } = report.timing;
    return { total_ms, sqlite_ms, python_ms, statements };
  },
  info: () => ({
    oursReadyMs,
    sqljsReadyMs,
    version: lab.version(),
    sqljsVersion: SQL ? new SQL.Database().exec('select sqlite_version()')[0].values[0][0] : null,
    isolated: self.crossOriginIsolated,
  }),
  // 1. Our raw UPDATE: setup + UPDATE in one runSql call.
  oursRaw: (n) => {
    const t = performance.now();
    const r = check(lab.runSql(`${CREATE};\n${fill(n)};\nUPDATE stuff SET foo = foo + 1;`));
    const wall = performance.now() - t;
    if (r.statements[2].rows_affected !== n) throw new Error(`rowsAffected ${r.statements[2].rows_affected}`);
    return {
      updateMs: r.statements[2].elapsed_ms,
      wallMs: wall,
      setupSqlMs: r.statements[0].elapsed_ms + r.statements[1].elapsed_ms,
    };
  },
  // The same setup without the UPDATE: subtracted from the single-row wall time.
  oursSetup: (n) => {
    const t = performance.now();
    check(lab.runSql(`${CREATE};\n${fill(n)};`));
    return { wallMs: performance.now() - t };
  },
  // 3. Our N single-row UPDATEs in one transaction, as raw SQL text.
  oursSingles: (n) => {
    const text = singleText(n);
    const t = performance.now();
    const r = check(lab.runSql(`${CREATE};\n${fill(n)};\n${text}`));
    const wall = performance.now() - t;
    let sql = 0;
    for (let i = 2; i < r.statements.length; i++) sql += r.statements[i].elapsed_ms;
    if (r.statements.length !== n + 4) throw new Error(`statements ${r.statements.length}`);
    return { sqlMs: sql, wallMs: wall };
  },
  // 2a. sql.js raw UPDATE.
  sqljsRaw: (n) => {
    const t = performance.now();
    const db = new SQL.Database();
    db.run(CREATE);
    db.run(fill(n));
    const u = performance.now();
    db.run('UPDATE stuff SET foo = foo + 1');
    const updateMs = performance.now() - u;
    if (db.getRowsModified() !== n) throw new Error('sql.js rowsModified');
    db.close();
    return { updateMs, wallMs: performance.now() - t };
  },
  // 2b. sql.js N single-row prepared UPDATEs in one transaction.
  sqljsSingles: (n) => {
    const db = new SQL.Database();
    db.run(CREATE);
    db.run(fill(n));
    const t = performance.now();
    db.run('BEGIN');
    const stmt = db.prepare('UPDATE stuff SET foo = ? WHERE id = ?');
    for (let i = 1; i <= n; i++) stmt.run([i * 7, i]);
    stmt.free();
    db.run('COMMIT');
    const ms = performance.now() - t;
    db.close();
    return { loopMs: ms };
  },
  // 2c. sql.js running the very same SQL text (db.exec parses and prepares each statement).
  sqljsSinglesText: (n) => {
    const text = singleText(n);
    const db = new SQL.Database();
    db.run(CREATE);
    db.run(fill(n));
    const t = performance.now();
    db.exec(text);
    const ms = performance.now() - t;
    db.close();
    return { execMs: ms };
  },
};

self.onmessage = async (e) => {
  const { id, task, n, arg } = e.data;
  try {
    self.postMessage({ id, result: await tasks[task](n, arg) });
  } catch (err) {
    self.postMessage({ id, error: String(err?.stack ?? err) });
  }
};
self.postMessage({ ready: true });
