// The Pyodide engine's files for dist/: Pyodide itself from the npm package (pinned in the lock
// file) and the SQLAlchemy and typing_extensions wheels (pinned with their sha256 in
// scripts/pyodide-wheels.json), fetched once with pip into target/pyodide-wheels/.
//
//   dist/pyodide/          pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip,
//                          pyodide-lock.json and the two wheels
//   dist/web/pyodide.json  the manifest: versions, every file with its size (the page's
//                          progress bar) and sha256; its presence tells the page the engine exists
//
// Nothing here is fetched by the page before a reader asks for real SQLAlchemy. Without
// python3/pip (or offline with an empty cache) the step is skipped with a message and the page
// hides the feature.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { output, run, say } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pins = JSON.parse(readFileSync(join(root, 'scripts', 'pyodide-wheels.json'), 'utf8'));
/** Where pip puts the wheels, once. */
export const wheelCache = join(root, 'target', 'pyodide-wheels');
/** Pyodide's files the engine needs (the console pages, maps and types are left out). */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A Python with pip, or null. */
function pythonWithPip() {
  for (const python of ['python3', 'python']) {
    if (output(python, ['-m', 'pip', '--version']) !== null) return python;
  }
  return null;
}

/** Makes sure every pinned wheel is in the cache with its pinned sha256; false when it cannot. */
async function fetchWheels() {
  mkdirSync(wheelCache, { recursive: true });
  const missing = pins.wheels.filter((w) => !existsSync(join(wheelCache, w.file)));
  if (missing.length) {
    const python = pythonWithPip();
    if (!python) {
      say(
        'skipping the Pyodide engine: no python3 with pip to fetch the SQLAlchemy wheel (the page hides "Check against SQLAlchemy")',
      );
      return false;
    }
    say(
      `fetching ${missing.map((w) => `${w.name}==${w.version}`).join(', ')} with pip (once, into target/pyodide-wheels/)`,
    );
    const { code } = await run(
      python,
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--only-binary=:all:',
        '--platform',
        'any',
        '--python-version',
        pins.python,
        '--implementation',
        'py',
        '--dest',
        wheelCache,
        ...missing.map((w) => `${w.name}==${w.version}`),
      ],
      { cwd: root },
    );
    if (code !== 0 || missing.some((w) => !existsSync(join(wheelCache, w.file)))) {
      say(
        'skipping the Pyodide engine: pip could not fetch the wheels (offline?); the page hides "Check against SQLAlchemy"',
      );
      return false;
    }
  }
  for (const w of pins.wheels) {
    const actual = sha256(join(wheelCache, w.file));
    if (actual !== w.sha256) {
      throw new Error(
        `${w.file}: sha256 ${actual}, pinned ${w.sha256} (scripts/pyodide-wheels.json); delete target/pyodide-wheels/ to fetch it again`,
      );
    }
  }
  return true;
}

/** Copies Pyodide and the wheels into `dist/pyodide/` and writes the manifest; false when skipped. */
export async function buildPyodide(dist) {
  const source = join(root, 'node_modules', 'pyodide');
  if (!existsSync(join(source, 'pyodide.asm.wasm'))) {
    say('skipping the Pyodide engine: node_modules/pyodide is missing (npm ci installs it)');
    return false;
  }
  if (!(await fetchWheels())) return false;
  const out = join(dist, 'pyodide');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = [];
  const add = (from, name) => {
    copyFileSync(from, join(out, name));
    files.push({ name, bytes: readFileSync(from).length, sha256: sha256(from) });
  };
  for (const name of PYODIDE_FILES) add(join(source, name), name);
  for (const w of pins.wheels) add(join(wheelCache, w.file), w.file);
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const manifest = {
    pyodide: version,
    python: pins.python,
    sqlalchemy: pins.wheels.find((w) => w.name === 'SQLAlchemy').version,
    wheels: pins.wheels.map((w) => w.file),
    files,
  };
  writeFileSync(join(dist, 'web', 'pyodide.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  say(
    `dist/pyodide/: Pyodide ${version} and SQLAlchemy ${manifest.sqlalchemy}, ${(total / 1048576).toFixed(1)} MiB (fetched only when a reader asks)`,
  );
  return true;
}
