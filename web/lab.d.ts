// Types of web/lab.js. The report shapes come from the wasm build (web/pkg/sessionlab.d.ts).
import type { RunReport, SqlReport } from './pkg/sessionlab.js';

export type { RunReport, SqlReport, RunEvent, ScriptError, SessionSnapshot, SqlValue } from './pkg/sessionlab.js';

/** A workspace's strategies: `{name: source}` or a list of `{name, source}`. */
export type Strategies = Record<string, string> | { name: string; source: string }[];

/** The timing of one repetition of a strategy, in milliseconds. */
export interface Sample {
  total_ms: number;
  sqlite_ms: number;
  python_ms: number;
  /** The whole call, the untimed setup and the report included. */
  wall_ms: number;
}

/** Median, min and max of a strategy's repetitions (`n` of them). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** How `compare()` measures: a benchmark's warm-up and interleaved repetitions. */
export interface MeasureOptions {
  /** Untimed passes of every strategy first (default 1). */
  warmup?: number;
  /** At least this many interleaved repetitions (A B C A B C …; default 3). */
  repetitions?: number;
  /** More repetitions while the whole comparison stays within this many ms (default 2000; 0: exactly `repetitions`). */
  budgetMs?: number;
}

/** One strategy of a comparison. */
export interface Compared {
  name: string;
  /** The last repetition's report. */
  report: RunReport;
  /** Median total time over the fastest strategy's median (null when this one failed). */
  ratio: number | null;
  /** Min–max of the per-repetition ratios against the fastest strategy (null when this one failed). */
  ratioRange: { min: number; max: number } | null;
  /** Total, SQLite and Python time over the repetitions (null when this one failed). */
  time: Summary | null;
  sqlite: Summary | null;
  python: Summary | null;
  /** Every repetition's timing, in order (empty when this one failed). */
  samples: Sample[];
}

/** One engine with its own databases. */
export declare class SessionLab {
  /** The crate and SQLite versions, e.g. "0.1.0 (SQLite 3.54.1)". */
  readonly version: string;
  /** Runs a Python script; with `setup`, runs it first (reading `N = rows`) and reports `source` alone. */
  run(source: string, options?: { setup?: string | null; rows?: number }): RunReport;
  /** Runs raw SQL statements. */
  runSql(source: string): SqlReport;
  /** Measures every strategy after the setup, each repetition on fresh databases. */
  compare(workspace: { setup?: string; strategies: Strategies; rows?: number } & MeasureOptions): Compared[];
  /** The first database of the last run, as a standard SQLite file. */
  exportDatabase(): Uint8Array;
  /** Makes later runs' first database start as this SQLite file. */
  importDatabase(bytes: Uint8Array | ArrayBuffer): void;
  /** Forgets an imported database. */
  clearImport(): void;
}

/** The first difference between two reports (web/verify.js says what is compared). */
export interface Difference {
  what: 'event' | 'stdout' | 'error' | 'tables';
  /** The event's position, for `event`. */
  index?: number;
  /** The table's name, for `tables`. */
  table?: string;
  ours: unknown;
  theirs: unknown;
  text: string;
}

/** What `verify` found: both reports and their first difference (null when identical). */
export interface Verification {
  identical: boolean;
  difference: Difference | null;
  ours: RunReport;
  /** Real SQLAlchemy's report (`engine: 'sqlalchemy'`; its timings are Pyodide's). */
  theirs: RunReport & { engine: 'sqlalchemy' };
}

/** The lab `createLab` returns: `verify` runs a script in both engines. */
export interface VerifyingLab extends SessionLab {
  verify(source: string, options?: { setup?: string | null; rows?: number }): Promise<Verification>;
}

/**
 * Loads the engine once (from `wasm` when given: bytes, a URL or a compiled Module).
 * `engine`: 'fast' (SessionLab's, the default), 'sqlalchemy' (real SQLAlchemy 2.1.9 in Pyodide:
 * a built site's dist/pyodide/, or `pyodide`), 'auto' (ours, falling back on real SQLAlchemy
 * when ours does not implement something; loads both).
 */
export declare function createLab(options?: {
  wasm?: BufferSource | URL | string | WebAssembly.Module;
  engine?: 'fast' | 'sqlalchemy' | 'auto';
  pyodide?: { indexURL: string | URL; manifest: string | URL | object };
}): Promise<VerifyingLab>;
