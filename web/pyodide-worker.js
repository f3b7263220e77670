// The second engine's worker: real SQLAlchemy 2.1.9 in Pyodide, speaking web/worker.js's
// protocol (see its header) so the page can send the same requests to either engine. Started
// only when a reader asks for real SQLAlchemy; its files come from ../pyodide/ (the build puts
// them there, see scripts/pyodide.mjs), never from a CDN.
//
// Besides worker.js's messages it posts, while loading:
//   {type: 'progress', id: null, result: {loaded, total, seconds}}   bytes fetched so far
//
// Handlers: version, runPython {source}, runStrategy {setup, strategy, n} (as worker.js; the
// reports carry `engine: 'sqlalchemy'`). The raw-SQL runner, database import/export and the
// query plan belong to the wasm engine: they answer a NotImplementedError naming themselves.
import { startSqlalchemyEngine } from './pyodide-engine.js';

const indexURL = new URL('../pyodide/', import.meta.url).href;
let engine = null;
let busy = false;

const handlers = {
  version: () => engine.version,
  runPython: ({ source }) => engine.run(String(source ?? '')),
  runStrategy: ({ setup, strategy, n }) =>
    engine.run(String(strategy ?? ''), { setup: String(setup ?? ''), n: Number(n ?? 1000) }),
};

function describe(err) {
  return {
    type: err?.type ?? (err?.name && err.name !== 'Error' ? err.name : 'InternalError'),
    message: String(err?.message ?? err),
    line: null,
    column: null,
  };
}

self.onmessage = (event) => {
  const { type, id, args } = event.data ?? {};
  if (!engine) {
    self.postMessage({ type: 'error', id, error: { type: 'ProtocolError', message: 'the engine is not ready yet' } });
    return;
  }
  if (!Object.hasOwn(handlers, type)) {
    const message = `${type} is not available with real SQLAlchemy (only in SessionLab's engine)`;
    self.postMessage({ type: 'error', id, error: { type: 'NotImplementedError', message } });
    return;
  }
  if (busy) {
    self.postMessage({ type: 'error', id, error: { type: 'Busy', message: 'a run is already in progress' } });
    return;
  }
  busy = true;
  self.postMessage({ type: 'working', id, result: 'start' });
  try {
    self.postMessage({ type, id, result: handlers[type](args ?? {}) });
  } catch (err) {
    self.postMessage({ type: 'error', id, error: describe(err) });
  } finally {
    busy = false;
    self.postMessage({ type: 'working', id, result: 'end' });
  }
};

/** Counts the bytes of every response Pyodide fetches, for the page's progress bar. */
function countingFetch(total, started) {
  const realFetch = self.fetch.bind(self);
  let loaded = 0;
  let last = 0;
  const tell = (force = false) => {
    const now = performance.now();
    if (!force && now - last < 100) return;
    last = now;
    self.postMessage({ type: 'progress', id: null, result: { loaded, total, seconds: (now - started) / 1000 } });
  };
  self.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (!response.ok || !response.body) return response;
    const counted = response.body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          tell();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return {
    add(bytes) {
      loaded += bytes;
      tell(true);
    },
    restore() {
      self.fetch = realFetch;
      tell(true);
    },
  };
}

try {
  const started = performance.now();
  const manifest = await fetch(new URL('./pyodide.json', import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`this site was built without the Pyodide engine (web/pyodide.json: HTTP ${r.status})`);
    return r.json();
  });
  // The report module is not one of the manifest's files: fetched before the counting starts.
  const runnerSource = await fetch(new URL('./sessionlab_sa.py', import.meta.url)).then((r) => r.text());
  const total = manifest.files.reduce((n, f) => n + f.bytes, 0);
  const counter = countingFetch(total, started);
  const readBytes = async (name) => {
    const r = await fetch(new URL(name, indexURL));
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  engine = await startSqlalchemyEngine({ indexURL, manifest, readBytes, runnerSource });
  // pyodide.asm.mjs arrives through import(), which the counter does not see.
  const script = manifest.files.find((f) => f.name === 'pyodide.asm.mjs');
  if (script) counter.add(script.bytes);
  counter.restore();
  self.postMessage({
    type: 'ready',
    result: { version: engine.version, seconds: (performance.now() - started) / 1000 },
  });
} catch (err) {
  self.postMessage({ type: 'error', id: null, error: describe(err) });
}
