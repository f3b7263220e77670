// `npm test`: everything CI checks, in one place. Every step runs even after a failure, and the
// last line is the summary `N passed, M failed` (tests counted from each runner's own summary;
// checks such as fmt and clippy count as one each).
//
//   node scripts/test.mjs             all steps
//   node scripts/test.mjs --only e2e  just the steps whose name contains "e2e"
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, say } from './proc.mjs';
import { docsVenvPython, setup } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';

const wasmEnv = { ...process.env, CHROMEDRIVER: '/usr/bin/chromedriver', WASM_BINDGEN_TEST_TIMEOUT: '120' };

/** Counts tests from cargo's, node's and pytest's own summary lines; null when the output has none. */
function countTests(text) {
  let passed = 0;
  let failed = 0;
  let seen = false;
  for (const m of text.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
    seen = true;
  }
  for (const m of text.matchAll(/^(?:# |ℹ )pass (\d+)$/gm)) {
    passed += Number(m[1]);
    seen = true;
  }
  for (const m of text.matchAll(/^(?:# |ℹ )fail (\d+)$/gm)) {
    failed += Number(m[1]);
    seen = true;
  }
  // pytest: "12 passed, 1 failed in 3.4s" (with -q) or "==== 12 passed in 3.4s ====".
  for (const m of text.matchAll(/^(?:=+ )?((?:\d+ \w+(?:, )?)+) in [\d.]+s(?: \([^)]*\))?(?: =+)?$/gm)) {
    for (const [, n, what] of m[1].matchAll(/(\d+) (\w+)/g)) {
      if (what === 'passed') passed += Number(n);
      else if (/^(failed|errors?)$/.test(what)) failed += Number(n);
    }
    seen = true;
  }
  return seen ? { passed, failed } : null;
}

const steps = [
  ['cargo fmt', 'cargo', ['fmt', '--all', '--check']],
  ['clippy (native)', 'cargo', ['clippy', '--workspace', '--all-targets', '--', '-D', 'warnings']],
  [
    'clippy (wasm32)',
    'cargo',
    ['clippy', '--workspace', '--all-targets', '--target', 'wasm32-unknown-unknown', '--', '-D', 'warnings'],
  ],
  ['cargo test (native)', 'cargo', ['test', '--workspace']],
  [
    'wasm tests (headless Chromium)',
    'cargo',
    ['test', '-p', 'sessionlab', '--target', 'wasm32-unknown-unknown', '--test', 'wasm'],
    { env: wasmEnv },
  ],
  ['JS lint and format', 'node', ['scripts/lint.mjs']],
  ['build (release wasm, dist/)', 'node', ['scripts/build.mjs']],
  ['wasm build in Node (tests/node)', 'node', ['--test', '--test-reporter=spec', 'tests/node/']],
  ['e2e (playwright-core, Debian Chromium)', 'node', ['--test', '--test-reporter=spec', 'tests/e2e/']],
  ['bench smoke (N=1,000, one repetition)', 'node', ['scripts/bench.mjs', '--quick']],
  [
    'docs sites (Sphinx and MkDocs with the sessionlab wheel; pytest)',
    docsVenvPython,
    ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'integrations/python/tests'],
    { skip: () => !existsSync(docsVenvPython) && 'no Python ≥ 3.11 for target/docs-venv' },
  ],
];

await setup({ tests: true });
let passed = 0;
let failed = 0;
const report = [];
for (const [name, command, args, options] of steps) {
  if (only && !name.includes(only)) continue;
  const { skip, ...spawnOptions } = options ?? {};
  const skipped = skip?.();
  if (skipped) {
    say(`── ${name}: skipped (${skipped})`);
    report.push(`skip ${name} (${skipped})`);
    continue;
  }
  say(`── ${name}`);
  const started = Date.now();
  const { code, text } = await run(command, args, { cwd: root, ...spawnOptions });
  const counted = countTests(text);
  const ok = code === 0 && (!counted || counted.failed === 0);
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    if (!ok && counted.failed === 0) failed += 1;
  } else {
    ok ? passed++ : failed++;
  }
  report.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
say('summary');
for (const line of report) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
