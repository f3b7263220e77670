// The playground's first module (index.html loads it async, before anything else): the engine's
// worker starts and the preloaded wasm compiles while the rest of the page still loads.
// web/main.js takes the client from here.
import { LabClient } from './client.js';
import { compileWasm } from './wasm.js';

/** The page's engine; web/main.js sets its `onWorking` / `onRestart`. */
export const client = new LabClient({ module: compileWasm() });
