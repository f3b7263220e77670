// The page's handle on the second engine (real SQLAlchemy in Pyodide, web/pyodide-worker.js):
// the same promise RPC as web/client.js, created only when a reader asks for it, plus the
// loading progress and the check whether this site was built with the engine at all.
import { LabClient, WorkerError } from './client.js';

/** The build's manifest of the Pyodide engine (web/pyodide.json), or null when it is absent. */
export async function sqlalchemyManifest() {
  try {
    const r = await fetch(new URL('./pyodide.json', import.meta.url));
    return r.ok ? await r.json() : null;
  } catch {
    return null;
  }
}

export class SqlalchemyClient extends LabClient {
  /**
   * @param {{onWorking?: Function, onProgress?: (p: {loaded: number, total: number, seconds: number}) => void}} options
   */
  constructor({ onProgress = () => {}, ...options } = {}) {
    super(options);
    this.onProgress = onProgress;
  }

  /** Starts the Pyodide worker; `ready` resolves to the engine version once SQLAlchemy is imported. */
  start() {
    this.worker = new Worker(new URL('./pyodide-worker.js', import.meta.url), { type: 'module' });
    this.ready = new Promise((resolve, reject) => {
      this.readyCallbacks = { resolve, reject };
    });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new WorkerError({ type: 'InternalError', message: event.message || 'the Pyodide worker crashed' });
      this.readyCallbacks.reject(error);
      this.failAll(error);
    };
  }

  receive(message) {
    if (message?.type === 'progress') {
      this.onProgress?.(message.result);
      return;
    }
    super.receive(message);
  }
}
