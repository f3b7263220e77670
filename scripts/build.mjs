// Builds the production site into dist/: release wasm, wasm-bindgen glue, the page and web/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
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

/**
 * The files of dist/ that never change under their name get a content hash in it, so a host may
 * cache them for a year (scripts/serve.mjs does): the wasm and the editor bundle, the two large
 * ones. `refs` are the dist files that name them (as `name`); each name is replaced there.
 */
const FINGERPRINTED = [
  {
    file: 'web/pkg/sessionlab_bg.wasm',
    name: 'sessionlab_bg.wasm',
    refs: ['web/wasm.js', 'web/start.js', 'web/pkg/sessionlab.js', 'index.html'],
  },
  { file: 'web/bundle/editor.js', name: 'bundle/editor.js', refs: ['web/main.js', 'web/element.js'] },
];

/**
 * Copies each FINGERPRINTED file of `dir` to `name.<hash>.ext` and rewrites its references there.
 * The file stays under its plain name too, for what loads it by that name from a copy of `web/`
 * (the JS API in Node, the documentation integrations' packages).
 */
export function fingerprint(dir) {
  const renamed = {};
  for (const { file, name, refs } of FINGERPRINTED) {
    const from = join(dir, file);
    if (!existsSync(from)) continue;
    const hash = createHash('sha256').update(readFileSync(from)).digest('hex').slice(0, 10);
    const ext = extname(file);
    const hashedName = `${name.slice(0, -ext.length)}.${hash}${ext}`;
    const to = `${file.slice(0, -ext.length)}.${hash}${ext}`;
    cpSync(from, join(dir, to));
    for (const ref of refs) {
      const path = join(dir, ref);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(name)) throw new Error(`${ref} does not name ${name}`);
      writeFileSync(path, text.replaceAll(name, hashedName));
    }
    renamed[file] = to;
  }
  return renamed;
}

/** The file types written compressed beside themselves. */
const COMPRESSED = new Set(['.js', '.mjs', '.css', '.json', '.wasm', '.html', '.py', '.svg']);

/** Writes `.br` (brotli at its highest level) and `.gz` (gzip -9) beside each text and wasm file. */
export function precompress(dir) {
  let raw = 0;
  let br = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSED.has(extname(entry.name))) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const bytes = readFileSync(path);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS,
        [zlib.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    raw += bytes.length;
    br += brotli.length;
    if (bytes.length > 100_000) say(`${relative(dir, path)}: ${kb(bytes.length)} raw, ${kb(brotli.length)} brotli`);
  }
  return { raw, br };
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
  for (const [from, to] of Object.entries(fingerprint(dist)))
    say(`dist/${to} (a copy of ${from}, cached as immutable)`);
  const { raw, br } = precompress(dist);
  say(`compressed dist/ beside itself (.br at brotli 11, .gz at gzip -9): ${kb(raw)} → ${kb(br)} brotli`);
  // The second engine (real SQLAlchemy in Pyodide), loaded by the page only on demand.
  await buildPyodide(dist);
}

/**
 * Builds the `sessionlab` Python package (the Sphinx extension and the MkDocs plugin, carrying
 * the built web/ assets, as npm pack ships them) into dist/python/ as a wheel and an sdist; skipped
 * without Python.
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
