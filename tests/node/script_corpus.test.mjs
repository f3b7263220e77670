// The script corpus through the wasm build: the same expectations the native test checks.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../web/pkg/', import.meta.url);
const dir = new URL('../script/', import.meta.url);
const { default: init, Lab } = await import(new URL('sessionlab.js', pkg));
await init({ module_or_path: readFileSync(new URL('sessionlab_bg.wasm', pkg)) });

const cases = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.py') && existsSync(new URL(f.replace(/\.py$/, '.json'), dir)))
      .sort()
  : [];

test('the script corpus behaves as CPython in the wasm build', () => {
  assert.ok(cases.length >= 200, `only ${cases.length} cases`);
  const lab = new Lab();
  const failures = [];
  for (const file of cases) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL(file.replace(/\.py$/, '.json'), dir), 'utf8'));
    const got = lab.runPython(source);
    const problem =
      got.stdout !== want.stdout
        ? `stdout ${JSON.stringify(got.stdout)} != ${JSON.stringify(want.stdout)}`
        : (want.error === null) !== (got.error === null)
          ? `error ${JSON.stringify(got.error?.type)} != ${JSON.stringify(want.error?.type)}`
          : want.error && want.error.type !== got.error.type
            ? `error type ${got.error.type} != ${want.error.type}`
            : want.error && want.error.line !== null && want.error.line !== got.error.line
              ? `line ${got.error.line} != ${want.error.line}`
              : want.error && want.error.message !== null && want.error.message !== got.error.message
                ? `message ${JSON.stringify(got.error.message)} != ${JSON.stringify(want.error.message)}`
                : want.traceback && want.traceback !== got.error.traceback
                  ? `traceback differs:\n${got.error.traceback}`
                  : null;
    if (problem) failures.push(`${file}: ${problem}`);
  }
  assert.deepEqual(failures, []);
});
