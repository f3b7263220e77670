// Builds the production site into dist/: release wasm, wasm-bindgen glue, the page and web/.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleEditor } from './bundle.mjs';
import { buildPyodide } from './pyodide.mjs';
import { must, say } from './proc.mjs';
import { python } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'web', 'pkg');
const dist = join(root, 'dist');

/** Sizes of a file, raw and gzipped (level 9, as a static host would serve it). */
export function sizes(path) {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Runs wasm-bindgen (`--target web`) on a wasm file into `outDir`, without name sections. */
export async function bindgen(wasm, outDir) {
  // Function names only help debugging; the page ships without them.
  await must(
    'wasm-bindgen',
    ['--target', 'web', '--remove-name-section', '--remove-producers-section', '--out-dir', outDir, wasm],
    {
      cwd: root,
    },
  );
}

/** The same with the function names kept, for profiles (scripts/profile.mjs). */
export async function bindgenWithNames(wasm, outDir) {
  await must('wasm-bindgen', ['--target', 'web', '--out-dir', outDir, wasm], { cwd: root });
}

/** Compiles the crate for wasm32 in release, generates web/pkg and assembles dist/. */
export async function build() {
  say('compiling the crate for wasm32 (cargo build --profile web: release, optimised for size)');
  await must(
    'cargo',
    ['build', '--profile', 'web', '--target', 'wasm32-unknown-unknown', '-p', 'sessionlab', '--lib'],
    {
      cwd: root,
    },
  );
  say('generating the JS glue (wasm-bindgen --target web)');
  rmSync(pkg, { recursive: true, force: true });
  await bindgen(join(root, 'target', 'wasm32-unknown-unknown', 'web', 'sessionlab.wasm'), pkg);
  for (const name of readdirSync(pkg).filter((f) => f.endsWith('_bg.wasm'))) {
    const { raw, gzip } = sizes(join(pkg, name));
    say(`web/pkg/${name}: ${kb(raw)} raw, ${kb(gzip)} gzipped`);
  }
  say('bundling the editor (CodeMirror 6) with esbuild');
  await bundleEditor();
  say('assembling dist/ (index.html and web/)');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  cpSync(join(root, 'index.html'), join(dist, 'index.html'));
  cpSync(join(root, 'web'), join(dist, 'web'), { recursive: true });
  for (const extra of ['favicon.svg']) {
    if (existsSync(join(root, extra))) cpSync(join(root, extra), join(dist, extra));
  }
  // The second engine (real SQLAlchemy in Pyodide), loaded by the page only on demand.
  await buildPyodide(dist);
}

/**
 * Builds the `sessionlab` Python package (the Sphinx extension and the MkDocs plugin, carrying
 * dist/'s web assets) into dist/python/ as a wheel and an sdist; skipped without Python.
 */
export async function buildPython() {
  const py = python();
  if (!py) {
    say('skipping the Python package (dist/python/): this machine has no Python ≥ 3.11 to build it');
    return;
  }
  say('building the Python package (Sphinx extension, MkDocs plugin) into dist/python/');
  const backend = join(root, 'integrations', 'python', '_backend', 'sessionlab_build.py');
  await must(py, [backend, 'stage', root, join(dist, 'python')], { cwd: root });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { setup } = await import('./setup.mjs');
  await setup();
  await build();
  await buildPython();
  say('build complete: dist/ is a static site');
}
