// A promise-based client for web/worker.js: call ids, the ready handshake, working events,
// and restart (a cancelled run terminates the worker; a fresh one takes its place).

/** Thrown for an error reply; `type` is the Python/DBAPI exception name or a protocol error. */
export class WorkerError extends Error {
  constructor({ type, message, line = null, column = null }) {
    super(message);
    this.name = type;
    this.type = type;
    this.line = line;
    this.column = column;
  }
}

export class LabClient {
  /**
   * @param {{onWorking?: (state: 'start'|'end') => void, onRestart?: () => void,
   *   module?: Promise<WebAssembly.Module>}} options
   *   `onRestart` is called when the engine trapped and a fresh worker replaced it; `module` is
   *   the wasm compiled by the page (web/wasm.js) while the worker loads: every worker, restarts
   *   included, gets it instead of fetching its own. `started` is a worker someone already
   *   started with its compiled module (web/start.js: {worker, module, messages}, the messages
   *   it sent before this client existed); the client adopts it instead of starting one.
   */
  constructor({ onWorking = () => {}, onRestart = () => {}, module = null, started = null } = {}) {
    this.onWorking = onWorking;
    this.onRestart = onRestart;
    this.module = started?.module ?? module;
    this.started = started;
    this.nextId = 1;
    this.pending = new Map();
    this.start();
  }

  /** Starts a worker; `ready` resolves to the engine version once it is loaded. */
  start() {
    const started = this.started;
    this.started = null;
    let worker = started?.worker;
    if (!worker) {
      const url = new URL('./worker.js', import.meta.url);
      if (this.module) url.search = '?module';
      worker = new Worker(url, { type: 'module' });
      // null tells the worker to fetch the wasm itself (the page's compile failed).
      this.module?.then(
        (module) => worker.postMessage({ type: 'module', module }),
        () => worker.postMessage({ type: 'module', module: null }),
      );
    }
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      this.readyCallbacks = { resolve, reject };
    });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.failAll(new WorkerError({ type: 'InternalError', message: event.message || 'the worker crashed' }));
    };
    for (const message of started?.messages ?? []) this.receive(message);
  }

  receive(message) {
    const { type, id, result, error } = message;
    if (type === 'ready') {
      this.readyCallbacks.resolve(result.version);
      return;
    }
    if (type === 'error' && id === null) {
      this.readyCallbacks.reject(new WorkerError(error));
      return;
    }
    if (type === 'working') {
      this.onWorking(result);
      return;
    }
    if (type === 'progress') {
      this.pending.get(id)?.onProgress?.(result);
      return;
    }
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (type === 'error') call.reject(new WorkerError(error));
    else call.resolve(result);
    // The engine trapped and its worker closes itself: start a fresh one right away.
    if (type === 'error' && error?.restart) {
      this.worker.terminate();
      this.failAll(new WorkerError({ type: 'InternalError', message: 'the engine restarted' }));
      this.start();
      this.onRestart();
    }
  }

  /**
   * Sends a request and resolves to its result; `onProgress` receives the request's progress
   * messages (a comparison's rounds).
   */
  async call(type, args = {}, transfer = [], { onProgress = null } = {}) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ type, id, args }, transfer);
    });
  }

  failAll(error) {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }

  /** Stops whatever runs (the worker is terminated) and starts a fresh engine. */
  restart() {
    this.worker.terminate();
    this.failAll(new WorkerError({ type: 'Cancelled', message: 'the run was cancelled' }));
    this.onWorking('end');
    this.start();
    return this.ready;
  }
}
