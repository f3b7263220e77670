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

/** Loads the engine once (from `wasm` when given: bytes, a URL or a compiled Module). */
export declare function createLab(options?: {
  wasm?: BufferSource | URL | string | WebAssembly.Module;
}): Promise<SessionLab>;
