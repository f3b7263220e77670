// `npm run bench`: SessionLab's speed measured side by side with what a user would pick instead.
//
// Every comparison is a ratio from one run with interleaved repetitions (A B A B …), reported as
// the median with min–max. Results go to bench/results/latest.json and a markdown table on stdout.
//
//   node scripts/bench.mjs           full run (7 repetitions)
//   node scripts/bench.mjs --quick   one repetition: the smoke `npm test` runs so it cannot rot
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBrowser, markdown as browserMarkdown } from './bench-browser.mjs';
import { layerMarkdown, layerSizes } from './wasm-size.mjs';
import { has, must, say } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const reps = quick ? 1 : 7;
// The smoke run's single repetition measures nothing, so it takes the dev-profile CLI `cargo
// test` has already built: a fresh machine would spend minutes on the fat-LTO release build.
const cli = join(root, 'target', quick ? 'debug' : 'release', 'sessionlab');

/** Runs a benchmark script and returns { ms, output } from its `elapsed_ms=` line. */
function timed(command, args) {
  const res = spawnSync(command, args, { encoding: 'utf8', cwd: root, timeout: 120_000 });
  if (res.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${res.status}): ${res.stderr || res.error}`);
  }
  const match = res.stdout.match(/^elapsed_ms=([\d.]+)$/m);
  if (!match) throw new Error(`${args.at(-1)} printed no elapsed_ms line`);
  return { ms: Number(match[1]), output: res.stdout.replace(/^elapsed_ms=.*\n?/m, '') };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), samples };
}

const fmt = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** The interpreter against CPython on the same machine, interleaved. */
function interpreterSuite() {
  const dir = join(root, 'bench', 'interp');
  const python = has('python3');
  const rows = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()) {
    const script = join(dir, file);
    const ours = [];
    const theirs = [];
    for (let i = 0; i < reps; i++) {
      const a = timed(cli, ['run', script]);
      ours.push(a.ms);
      if (python) {
        const b = timed('python3', [script]);
        if (b.output !== a.output) throw new Error(`${file}: output differs from CPython\n${a.output}\n${b.output}`);
        theirs.push(b.ms);
      }
    }
    const row = { bench: file.replace(/\.py$/, ''), sessionlab: stats(ours) };
    if (python) {
      row.cpython = stats(theirs);
      row.ratio = row.sessionlab.median / row.cpython.median;
    }
    rows.push(row);
  }
  return { rows, note: python ? null : 'python3 not found: CPython columns skipped' };
}

say(`building the native CLI (cargo build${quick ? '' : ' --release'})`);
await must('cargo', ['build', ...(quick ? [] : ['--release']), '-p', 'sessionlab', '--bin', 'sessionlab'], {
  cwd: root,
});
say(`interpreter vs CPython, ${reps} interleaved repetition(s)`);
const interpreter = interpreterSuite();
say('browser: raw SQL against sql.js, start-up and size (node scripts/build.mjs first)');
const browser = await benchBrowser({ quick });
const layers = await layerSizes();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
const results = { date: new Date().toISOString(), machine, repetitions: reps, interpreter, browser, layers };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', quick ? 'quick.json' : 'latest.json'),
  `${JSON.stringify(results, null, 1)}\n`,
);

const lines = [
  `Measured ${results.date.slice(0, 10)} on ${machine}; median (min–max) of ${reps} interleaved runs, milliseconds.`,
  '',
  '| interpreter benchmark | SessionLab (native) | CPython | SessionLab / CPython |',
  '|---|---|---|---|',
  ...interpreter.rows.map(
    (r) =>
      `| ${r.bench} | ${fmt(r.sessionlab)} | ${r.cpython ? fmt(r.cpython) : '–'} | ${r.ratio ? `${r.ratio.toFixed(2)}×` : '–'} |`,
  ),
];
if (interpreter.note) lines.push('', interpreter.note);
lines.push(
  '',
  browserMarkdown(browser),
  '',
  'What each layer adds to the wasm (`scripts/wasm-size.mjs`):',
  '',
  layerMarkdown(layers),
);
console.log(lines.join('\n'));
