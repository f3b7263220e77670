// Real SQLAlchemy 2.1.9 in Pyodide, behind the same run calls as the wasm engine: loads
// Pyodide, unpacks the SQLAlchemy and typing_extensions wheels into its site-packages, imports
// web/sessionlab_sa.py and runs scripts through it. Shared by the page's worker
// (web/pyodide-worker.js) and Node (tests/node, web/lab.js); `readBytes(name)` reads a file of
// dist/pyodide/ (fetch in a page, the file system in Node), so nothing here knows where it runs.

/**
 * Starts the engine.
 * @param {{indexURL: string, manifest: {pyodide: string, sqlalchemy: string, wheels: string[]},
 *   readBytes: (name: string) => Promise<Uint8Array>, runnerSource: string}} options
 *   `indexURL`: the folder with Pyodide's files (ends with '/'); `runnerSource`: the text of
 *   web/sessionlab_sa.py.
 */
export async function startSqlalchemyEngine({ indexURL, manifest, readBytes, runnerSource }) {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({
    indexURL,
    // The script's own print() goes to the report; Pyodide's start-up chatter goes nowhere.
    stdout: () => {},
    stderr: () => {},
  });
  const wheels = await Promise.all(manifest.wheels.map((name) => readBytes(name)));
  for (const bytes of wheels) pyodide.unpackArchive(bytes, 'wheel');
  pyodide.FS.mkdirTree('/sessionlab');
  pyodide.FS.writeFile('/sessionlab/sessionlab_sa.py', runnerSource);
  pyodide.runPython("import sys; sys.path.insert(0, '/sessionlab'); import sessionlab_sa, sqlalchemy");
  const runner = pyodide.pyimport('sessionlab_sa');
  const python = pyodide.runPython('import platform; platform.python_version()');
  const sqlalchemy = pyodide.runPython('sqlalchemy.__version__');
  return {
    /** e.g. "SQLAlchemy 2.1.9 on CPython 3.14.2 (Pyodide 314.0.8)". */
    version: `SQLAlchemy ${sqlalchemy} on CPython ${python} (Pyodide ${manifest.pyodide})`,
    sqlalchemy,
    python,
    /** Runs `source` (after `setup` with `N = n` when a setup is given); returns a RunReport. */
    run(source, { setup = null, n = 1000, maxRows = 10000 } = {}) {
      // `undefined` arrives in Python as None (JS null would be a JsNull).
      const text = runner.run_json(setup === null ? undefined : String(setup), String(source), n, maxRows);
      return JSON.parse(text);
    },
  };
}

/** Pyodide's folder and the manifest beside this module in a built site (dist/). */
export const pyodideBase = () => new URL('../pyodide/', import.meta.url);
