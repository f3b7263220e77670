// The SessionLab engine as a JavaScript API, for documentation builds (Node ≥ 20) and pages:
//
//   import { createLab } from 'sessionlab/web/lab.js';
//   const lab = await createLab();
//   const report = lab.run(source, { setup, rows: 1000 });   // a RunReport
//
// Runs are synchronous inside the engine: in a page, prefer the <session-lab> element (or
// web/client.js), which runs them in a Web Worker so the page never waits.
//
// `createLab({engine})`: 'fast' (default) is SessionLab's engine; 'sqlalchemy' runs the same
// calls with real SQLAlchemy 2.1.9 in Pyodide (a built site's dist/pyodide/, or `pyodide:
// {indexURL, manifest}`); 'auto' is ours, falling back on real SQLAlchemy for a script ours
// does not implement (it loads both). `lab.verify(source, options)` runs a script in both and
// returns both reports with the first difference (web/verify.js).
import init, { Lab } from './pkg/sessionlab.js';
import { firstDifference, needsRealEngine } from './verify.js';
import { WARMUP_MAX_N, measure, rank } from './measure.js';

let loading = null;

/** Loads and compiles the wasm once per realm; `wasm` may be bytes, a URL or a Module. */
function load(wasm) {
  loading ??= (async () => {
    if (wasm) return init({ module_or_path: wasm });
    if (globalThis.process?.versions?.node) {
      // Node has no fetch for file URLs: read the bytes beside this module.
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(new URL('./pkg/sessionlab_bg.wasm', import.meta.url));
      return init({ module_or_path: bytes });
    }
    return init();
  })();
  return loading;
}

/** Names and sources of a workspace's strategies, in order. */
function strategyList(strategies) {
  if (Array.isArray(strategies)) return strategies.map(({ name, source }) => ({ name, source }));
  return Object.entries(strategies ?? {}).map(([name, source]) => ({ name, source }));
}

/** One engine with its own databases; see web/lab.d.ts for the types. */
export class SessionLab {
  #lab;

  constructor(lab) {
    this.#lab = lab;
  }

  /** The crate and SQLite versions, e.g. "0.1.0 (SQLite 3.54.1)". */
  get version() {
    return this.#lab.version();
  }

  /** Runs a Python script; with `setup`, runs it first (reading `N = rows`) and reports `source` alone. */
  run(source, { setup = null, rows = 1000 } = {}) {
    if (setup === null || setup === undefined) return this.#lab.runPython(String(source));
    return this.#lab.runStrategy(String(setup), String(source), Number(rows));
  }

  /** Runs raw SQL statements; returns a SqlReport. */
  runSql(source) {
    return this.#lab.runSql(String(source));
  }

  /**
   * Measures every strategy of a workspace after its setup, each run on fresh databases: `warmup`
   * untimed passes (default 1), then interleaved repetitions, at least `repetitions` (default 3)
   * and more while the whole comparison stays within `budgetMs` (default 2000). Returns one entry
   * per strategy: the last repetition's report, every repetition's timing (`samples`), their
   * medians with min–max, and "vs fastest" from the medians with the per-repetition range.
   */
  compare({ setup = '', strategies, rows = 1000, warmup, repetitions, budgetMs } = {}) {
    const run = ({ source }, pass) =>
      this.run(source, { setup, rows: pass.warmup ? Math.min(rows, WARMUP_MAX_N) : rows });
    const measured = measure(strategyList(strategies), run, { warmup, repetitions, budgetMs });
    return rank(measured.results).map(({ item, report, samples, time, sqlite, python, ratio, ratioRange }) => ({
      name: item.name,
      report,
      ratio,
      ratioRange,
      time,
      sqlite,
      python,
      samples,
    }));
  }

  /** The first database of the last run, as a standard SQLite file. */
  exportDatabase() {
    return this.#lab.exportDatabase();
  }

  /** Makes later runs' first database start as this SQLite file. */
  importDatabase(bytes) {
    this.#lab.importDatabase(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  }

  /** Forgets an imported database. */
  clearImport() {
    this.#lab.clearImport();
  }
}

/** A built site's Pyodide files and manifest, or those `pyodide` names. */
async function pyodideFiles(pyodide = {}) {
  const node = Boolean(globalThis.process?.versions?.node);
  const candidates = pyodide.indexURL
    ? [{ index: new URL(pyodide.indexURL, import.meta.url), manifest: pyodide.manifest }]
    : [
        { index: new URL('../pyodide/', import.meta.url), manifest: new URL('./pyodide.json', import.meta.url) },
        {
          index: new URL('../dist/pyodide/', import.meta.url),
          manifest: new URL('../dist/web/pyodide.json', import.meta.url),
        },
      ];
  const read = async (url) => {
    if (!node) {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    }
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  };
  for (const { index, manifest } of candidates) {
    try {
      const info =
        manifest instanceof URL || typeof manifest === 'string'
          ? JSON.parse(new TextDecoder().decode(await read(new URL(manifest, import.meta.url))))
          : manifest;
      const runner = new TextDecoder().decode(await read(new URL('./sessionlab_sa.py', import.meta.url)));
      const { fileURLToPath } = node ? await import('node:url') : {};
      return {
        indexURL: node ? fileURLToPath(index) : index.href,
        manifest: info,
        readBytes: (name) => read(new URL(name, index)),
        runnerSource: runner,
      };
    } catch {
      // the next place
    }
  }
  const error = new Error(
    'the Pyodide engine is not available: build the site with python3/pip (npm run build) or pass pyodide: {indexURL, manifest}',
  );
  error.name = 'NotImplementedError';
  throw error;
}

let sqlalchemyLoading = null;
/** Real SQLAlchemy in Pyodide, started once per realm. */
function loadSqlalchemy(pyodide) {
  sqlalchemyLoading ??= (async () => {
    const { startSqlalchemyEngine } = await import('./pyodide-engine.js');
    return startSqlalchemyEngine(await pyodideFiles(pyodide));
  })();
  return sqlalchemyLoading;
}

const unsupported = (what) => {
  const error = new Error(`${what} is not available with real SQLAlchemy (only in SessionLab's engine)`);
  error.name = 'NotImplementedError';
  return error;
};

/** The same calls with real SQLAlchemy 2.1.9 in Pyodide (reports carry `engine: 'sqlalchemy'`). */
export class SqlalchemyLab {
  #engine;

  constructor(engine) {
    this.#engine = engine;
  }

  get version() {
    return this.#engine.version;
  }

  run(source, { setup = null, rows = 1000 } = {}) {
    return this.#engine.run(String(source), { setup: setup ?? null, n: Number(rows) });
  }

  compare(workspace) {
    return SessionLab.prototype.compare.call(this, workspace);
  }

  runSql() {
    throw unsupported('runSql');
  }

  exportDatabase() {
    throw unsupported('exportDatabase');
  }

  importDatabase() {
    throw unsupported('importDatabase');
  }

  clearImport() {}
}

/** SessionLab's engine, and real SQLAlchemy for the scripts it does not implement. */
class AutoLab extends SessionLab {
  #fallback;

  constructor(lab, fallback) {
    super(lab);
    this.#fallback = fallback;
  }

  run(source, options = {}) {
    const report = super.run(source, options);
    return needsRealEngine(report) ? this.#fallback.run(source, options) : report;
  }
}

/**
 * Loads the engine (once) and returns a lab with its own databases; `engine`: 'fast'
 * (SessionLab's, the default), 'sqlalchemy' (real SQLAlchemy in Pyodide) or 'auto'.
 */
export async function createLab({ wasm, engine = 'fast', pyodide } = {}) {
  if (!['fast', 'sqlalchemy', 'auto'].includes(engine)) {
    throw new TypeError(`engine must be 'fast', 'sqlalchemy' or 'auto', not ${JSON.stringify(engine)}`);
  }
  let lab;
  if (engine === 'sqlalchemy') {
    lab = new SqlalchemyLab(await loadSqlalchemy(pyodide));
  } else {
    await load(wasm);
    lab =
      engine === 'auto'
        ? new AutoLab(new Lab(), new SqlalchemyLab(await loadSqlalchemy(pyodide)))
        : new SessionLab(new Lab());
  }
  let fast = null;
  /**
   * Runs `source` in SessionLab's engine and in real SQLAlchemy; resolves to
   * `{identical, difference, ours, theirs}` (see web/verify.js for what is compared).
   */
  lab.verify = async (source, options = {}) => {
    const real = new SqlalchemyLab(await loadSqlalchemy(pyodide));
    await load(wasm);
    fast ??= new SessionLab(new Lab());
    const ours = fast.run(source, options);
    const theirs = real.run(source, options);
    const difference = firstDifference(ours, theirs);
    return { identical: difference === null, difference, ours, theirs };
  };
  return lab;
}
