// Where a strategy's time goes in the page's engine: runs it in Node's V8 (the engine Chromium
// uses) with the wasm's function names kept, profiles the steady state (after warm-up runs, so
// tier-up compilation is not counted) and prints the functions with the most time, inclusive
// and self. Build first (`npm run build`).
//
//   node scripts/profile.mjs [STRATEGY.py] [--setup SETUP.py] [--n 100000] [--top 30]
// Defaults: the compare lesson's iterate strategy after its setup, N = 100,000.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bindgenWithNames } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const strategyFile = positional[0] ?? join(root, 'web', 'lessons', 'compare', 'iterate.py');
const setupFile = option('--setup', join(root, 'web', 'lessons', 'compare', 'setup.py'));
const n = Number(option('--n', '100000'));
const top = Number(option('--top', '30'));

const out = join(root, 'target', 'profile-pkg');
await bindgenWithNames(join(root, 'target', 'wasm32-unknown-unknown', 'web', 'sessionlab.wasm'), out);
const { default: init, Lab } = await import(pathToFileURL(join(out, 'sessionlab.js')).href);
await init({ module_or_path: readFileSync(join(out, 'sessionlab_bg.wasm')) });
const lab = new Lab();
const setup = readFileSync(setupFile, 'utf8');
const strategy = readFileSync(strategyFile, 'utf8');
const runOnce = () => {
  const report = lab.runStrategy(setup, strategy, n);
  if (report.error) throw new Error(`${report.error.type}: ${report.error.message}`);
  return report.timing;
};
for (let i = 0; i < 3; i++) runOnce();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const timings = [0, 1, 2].map(runOnce);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const name = (id) =>
  nodes
    .get(id)
    .callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '')
    .slice(0, 120) || '(program)';
const self = new Map();
const inclusive = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  self.set(name(id), (self.get(name(id)) ?? 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const fn = name(at);
    if (!seen.has(fn)) inclusive.set(fn, (inclusive.get(fn) ?? 0) + dt);
    seen.add(fn);
  }
});
const table = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${fn}`)
    .join('\n');
const ms = (key) => timings.map((t) => t[key].toFixed(0)).join(', ');
console.log(
  `${strategyFile} at N = ${n}: total ${ms('total_ms')} ms (SQLite ${ms('sqlite_ms')}; setup ${ms('setup_ms')})`,
);
console.log(
  `(the profile covers the setup too)\n\nInclusive (sessionlab::):\n${table(new Map([...inclusive].filter(([fn]) => fn.startsWith('sessionlab::'))))}`,
);
console.log(`\nSelf:\n${table(self)}`);
