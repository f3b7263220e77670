// The playground's first module: the engine's client, taking over the worker web/start.js
// started (the first script of index.html) with the wasm it compiles; a page without it starts
// both here. web/main.js takes the client from here.
import { LabClient } from './client.js';
import { compileWasm } from './wasm.js';

const started = globalThis.sessionlabEngine ?? null;

/** The page's engine; web/main.js sets its `onWorking` / `onRestart`. */
export const client = started ? new LabClient({ started }) : new LabClient({ module: compileWasm() });
