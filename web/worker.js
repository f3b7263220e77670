// The SessionLab worker: holds the one wasm `Lab` and answers the page's requests.
//
// Message protocol (every message is a plain object):
//
//   worker → page, once at start:
//     {type: 'startup-marks', result: {step: ms since the epoch}} when each start-up step ended
//     {type: 'ready', result: {version}}                       the engine is loaded
//     {type: 'error', id: null, error: {type, message}}         loading failed
//
//   page → worker, a request:
//     {type, id, args}          `type` names a handler below, `id` is chosen by the page
//
//   worker → page, for each request:
//     {type: 'working', id, result: 'start'}                    before a run starts
//     {type, id, result}                                        the handler's result
//     {type: 'error', id, error: {type, message, line, column}} the handler failed
//     {type: 'working', id, result: 'end'}                      after a run, success or not
//
// Only one run is in flight at a time: a second request while one runs is answered with
// {type: 'error', id, error: {type: 'Busy', …}}. (Runs are synchronous inside the worker, so
// this guards against re-entrancy from future async handlers as much as against the page.)
//
// Every request may name a lab (`args.lab`, default 0): each lab has its own imported and
// exported database, so several <session-lab> elements share one worker (one wasm compile)
// without sharing data.
//
// Handlers:
//   version        args: {}                 → string
//   runSql         args: {source}           → SqlReport (see web/pkg/sessionlab.d.ts)
//   runPython      args: {source}           → RunReport: stdout, error, events, tables
//   runStrategy    args: {setup, strategy, n} → RunReport of the strategy (setup untimed)
//   compare        args: {setup, strategies: [{name, source}], n, warmup, repetitions, budgetMs}
//                  → {repetitions, warmup, elapsedMs, results: [{name, report, samples}]}: the
//                  strategies measured as web/measure.js does it (warm-up, interleaved
//                  repetitions within the budget; `report` is the last repetition's). While it
//                  runs: {type: 'progress', id, result: {round, elapsedMs, budgetMs}} per round.
//   importDatabase args: {bytes: Uint8Array} → null; later runs start from that SQLite file
//   clearImport    args: {}                 → null
//   exportDatabase args: {}                 → Uint8Array, the database as the last run left it
//   explain        args: {sql, params}      → string: EXPLAIN QUERY PLAN of a statement of the
//                                             last run, on the database as that run left it
//   dropLab        args: {}                 → null; forgets the lab (an element was removed)
//   warmUp         args: {setup, strategies, n} → null at once; then, while nothing else is
//                                             asked, runs the strategies in the background
//                                             (on a lab of its own, results dropped) for up to
//                                             BACKGROUND_WARM_UP_MS, so V8 optimises the engine's hot
//                                             code before the reader's first Compare all. Any
//                                             request stops it (it waits for one run at most; the
//                                             page asks this for its own lessons only).
//   simulateTrap   args: {}                 → never returns: the engine traps (for the tests of
//                                             the restart path; the worker then closes)
// The wasm is fetched and compiled (streaming, while the glue loads) before anything else. A page
// that compiles it itself, next to its <link rel=preload> (web/start.js), starts the worker with
// `?module` and posts the Module as {type: 'module', module} (null: "fetch it yourself"). Every
// import is dynamic, so they all load at once, in one round trip after this script.
/** When each start-up step finished (ms since the epoch, so the page can place them on its clock). */
const startup = {};
const mark = (name) => (startup[name] = performance.timeOrigin + performance.now());
mark('workerStart');
const compileWasm = () => import('./wasm.js').then((m) => m.compileWasm());
let receiveModule = null;
const compiled = new Promise((resolve) => {
  receiveModule = resolve;
  if (!new URL(self.location.href).searchParams.has('module')) resolve(compileWasm());
});
const glue = import('./pkg/sessionlab.js');
const measuring = import('./measure.js');
let Lab = null;
/** The background warm-up in progress ({spent, next}); a request replaces it with null. */
let warming = null;
/** How long a background warm-up runs at most, and at what N (at most). */
const BACKGROUND_WARM_UP_MS = 1500;
const BACKGROUND_WARM_UP_N = 1000;
/** web/measure.js, once loaded (before the engine says ready). */
let WARMUP_MAX_N;
let measure;
let measureOptions;

const labs = new Map();
let ready = false;
let busy = false;
/** Set when the engine trapped: the worker closes after answering. */
let broken = false;

/** The lab a request names, created on first use. */
function labFor(id) {
  const key = Number(id ?? 0);
  if (!labs.has(key)) labs.set(key, new Lab());
  return labs.get(key);
}

const handlers = {
  version: (_args, lab) => lab.version(),
  runSql: ({ source }, lab) => lab.runSql(String(source ?? '')),
  runPython: ({ source }, lab) => lab.runPython(String(source ?? '')),
  runStrategy: ({ setup, strategy, n }, lab) =>
    lab.runStrategy(String(setup ?? ''), String(strategy ?? ''), Number(n ?? 1000)),
  compare: (args, lab, id) => {
    const setup = String(args.setup ?? '');
    const n = Number(args.n ?? 1000);
    const strategies = (args.strategies ?? []).map((s) => ({ name: String(s.name), source: String(s.source ?? '') }));
    const options = measureOptions(args);
    const run = (s, { warmup }) =>
      setup.trim() ? lab.runStrategy(setup, s.source, warmup ? Math.min(n, WARMUP_MAX_N) : n) : lab.runPython(s.source);
    const onRound = ({ round, elapsedMs }) =>
      self.postMessage({ type: 'progress', id, result: { round, elapsedMs, budgetMs: options.budgetMs } });
    const measured = measure(strategies, run, options, { onRound });
    return {
      ...measured,
      results: measured.results.map(({ item, report, samples }) => ({ name: item.name, report, samples })),
    };
  },
  importDatabase: ({ bytes }, lab) => {
    lab.importDatabase(bytes);
    return null;
  },
  clearImport: (_args, lab) => {
    lab.clearImport();
    return null;
  },
  exportDatabase: (_args, lab) => lab.exportDatabase(),
  explain: ({ sql, params }, lab) => lab.explain(String(sql ?? ''), params ?? []),
  simulateTrap: (_args, lab) => lab.simulateTrap(),
  warmUp: ({ setup, strategies, n }) => {
    const list = (strategies ?? []).map((s) => String(s.source ?? ''));
    const script = String(setup ?? '');
    warming = { spent: 0, next: 0 };
    const state = warming;
    const lab = new Lab();
    const step = () => {
      if (warming !== state || state.spent >= BACKGROUND_WARM_UP_MS || !list.length) {
        lab.free();
        return;
      }
      const t0 = performance.now();
      try {
        const source = list[state.next++ % list.length];
        if (script.trim()) lab.runStrategy(script, source, Math.min(Number(n ?? 1000), BACKGROUND_WARM_UP_N));
        else lab.runPython(source);
      } catch {
        // a warm-up that fails is simply over
        state.spent = BACKGROUND_WARM_UP_MS;
      }
      state.spent += performance.now() - t0;
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
    return null;
  },
  dropLab: ({ lab }) => {
    labs.get(Number(lab ?? 0))?.free();
    labs.delete(Number(lab ?? 0));
    return null;
  },
};

/** True for failures of the engine itself, after which the instance is unusable. */
function trapped(err) {
  return err instanceof WebAssembly.RuntimeError || err instanceof RangeError;
}

/** An error as the protocol sends it; wasm errors carry their Python/DBAPI type as `name`. */
function describe(err) {
  return {
    type: err?.name && err.name !== 'Error' ? err.name : 'InternalError',
    message: String(err?.message ?? err),
    line: err?.line ?? null,
    column: err?.column ?? null,
  };
}

self.onmessage = (event) => {
  const { type, id, args } = event.data ?? {};
  if (type === 'module') {
    const { module } = event.data;
    receiveModule(module instanceof WebAssembly.Module ? module : compileWasm());
    return;
  }
  const handler = Object.hasOwn(handlers, type) ? handlers[type] : null;
  if (!handler || !ready) {
    const message = ready ? `unknown request type: ${type}` : 'the engine is not ready yet';
    self.postMessage({ type: 'error', id, error: { type: 'ProtocolError', message } });
    return;
  }
  if (busy) {
    self.postMessage({ type: 'error', id, error: { type: 'Busy', message: 'a run is already in progress' } });
    return;
  }
  // Whatever the page asks for now matters more than warming up.
  if (type !== 'warmUp') warming = null;
  busy = true;
  self.postMessage({ type: 'working', id, result: 'start' });
  try {
    const result = handler(args ?? {}, type === 'dropLab' ? null : labFor(args?.lab), id);
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    self.postMessage({ type, id, result }, transfer);
  } catch (err) {
    if (trapped(err)) {
      // The engine stopped mid-run (a wasm trap or a native stack overflow): its memory can
      // no longer be trusted. Say so, and let the page start a fresh worker.
      self.postMessage({
        type: 'error',
        id,
        error: { ...describe(err), type: 'InternalError', message: `internal error: ${err.message}`, restart: true },
      });
      broken = true;
      return;
    }
    self.postMessage({ type: 'error', id, error: describe(err) });
  } finally {
    busy = false;
    self.postMessage({ type: 'working', id, result: 'end' });
    if (broken) self.close();
  }
};

try {
  glue.then(() => mark('glue'));
  compiled.then(() => mark('compiled'));
  const [{ default: init, Lab: LabClass }, measureModule] = await Promise.all([glue, measuring]);
  ({ WARMUP_MAX_N, measure, measureOptions } = measureModule);
  await init({ module_or_path: await compiled });
  mark('instantiated');
  Lab = LabClass;
  ready = true;
  const version = labFor(0).version();
  mark('lab');
  self.postMessage({ type: 'startup-marks', result: startup });
  self.postMessage({ type: 'ready', result: { version } });
} catch (err) {
  self.postMessage({ type: 'error', id: null, error: describe(err) });
}
