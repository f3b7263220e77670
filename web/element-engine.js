// The `engine` attribute of <session-lab> (web/element.js): which engine answers an element's
// runs. 'fast' (the default) is SessionLab's worker; 'sqlalchemy' is real SQLAlchemy 2.1.9 in
// Pyodide (web/pyodide-worker.js, started on the first such run, one per page); 'auto' is ours,
// and real SQLAlchemy when ours stops at something it does not implement (web/verify.js).
import { SqlalchemyClient } from './sqlalchemy-client.js';
import { needsRealEngine } from './verify.js';

let real = null;

/** Sends a run request for `element` to the engine its `engine` attribute names. */
export async function engineCall(element, ours, type, args) {
  const engine = element.getAttribute('engine') ?? 'fast';
  // The Pyodide worker keeps no per-element databases: runs there always start empty.
  const theirs = () => {
    real ??= new SqlalchemyClient();
    const rest = { ...args };
    delete rest.lab;
    return real.call(type, rest);
  };
  if (engine === 'sqlalchemy') return theirs();
  const report = await ours().call(type, args);
  return engine === 'auto' && needsRealEngine(report) ? theirs() : report;
}
