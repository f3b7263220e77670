// The SessionLab engine as a JavaScript API, for documentation builds (Node ≥ 20) and pages:
//
//   import { createLab } from 'sessionlab/web/lab.js';
//   const lab = await createLab();
//   const report = lab.run(source, { setup, rows: 1000 });   // a RunReport
//
// Runs are synchronous inside the engine: in a page, prefer the <session-lab> element (or
// web/client.js), which runs them in a Web Worker so the page never waits.
import init, { Lab } from './pkg/sessionlab.js';
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

/** Loads the engine (once) and returns a lab with its own databases. */
export async function createLab({ wasm } = {}) {
  await load(wasm);
  return new SessionLab(new Lab());
}
