// How much each layer adds to the gzipped wasm: SQLite with the raw-SQL runner alone
// (crate/examples/size_sqlite.rs), plus the Python-subset front end without the `sqlalchemy`
// module and the `decimal` module registered with it (size_interpreter.rs), and the shipped build (web/pkg, from scripts/build.mjs). The
// probes are built like the page's wasm (profile `web`, wasm-bindgen without names), without
// the page's API. Issue 3's budget: the front end adds at most 150 KB gzipped.
//
//   node scripts/wasm-size.mjs        prints the table (build the page first)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bindgen } from './build.mjs';
import { must, say } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROBES = ['size_sqlite', 'size_interpreter'];
/** The front end's budget from issue 3, in bytes (150 KB). */
export const FRONT_END_BUDGET = 150_000;

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Builds the probes and returns the gzipped size of each layer and what each adds, in bytes. */
export async function layerSizes() {
  say('building the size probes (crate/examples/size_*.rs, profile web, without the page API)');
  await must(
    'cargo',
    [
      'build',
      '--profile',
      'web',
      '--target',
      'wasm32-unknown-unknown',
      '-p',
      'sessionlab',
      '--no-default-features',
      ...PROBES.flatMap((p) => ['--example', p]),
    ],
    { cwd: root },
  );
  const sizes = {};
  for (const probe of PROBES) {
    const out = join(root, 'target', 'size-probes', probe);
    await bindgen(join(root, 'target', 'wasm32-unknown-unknown', 'web', 'examples', `${probe}.wasm`), out);
    sizes[probe] = gz(join(out, `${probe}_bg.wasm`));
  }
  const shipped = gz(join(root, 'web', 'pkg', 'sessionlab_bg.wasm'));
  return {
    sqlite: sizes.size_sqlite,
    interpreter: sizes.size_interpreter,
    shipped,
    frontEnd: sizes.size_interpreter - sizes.size_sqlite,
    coreOrmApi: shipped - sizes.size_interpreter,
    budget: FRONT_END_BUDGET,
  };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** The layers as a markdown table. */
export function layerMarkdown(s) {
  const verdict = s.frontEnd <= s.budget ? 'within' : 'over';
  return [
    '| wasm (gzip -9) | size | adds |',
    '|---|---|---|',
    `| SQLite + the raw-SQL runner | ${kib(s.sqlite)} | – |`,
    `| + the Python front end (tokenizer, parser, interpreter, builtins, math/time/random/datetime/typing) | ${kib(s.interpreter)} | **${kib(s.frontEnd)}** (${(s.frontEnd / 1000).toFixed(1)} KB; budget 150 KB: ${verdict}) |`,
    `| + Core, ORM, the \`sqlalchemy\` module (with \`decimal\`, Numeric's values) and the page API (the shipped wasm) | ${kib(s.shipped)} | ${kib(s.coreOrmApi)} |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(layerMarkdown(await layerSizes()));
}
