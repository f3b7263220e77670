// The bad-input catalogue (tests/bad_input) through the page's worker in Chromium: every script
// ends in its expected error at its line, and the engine answers the next run normally.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openClientPage, useBrowser } from './base.mjs';

const state = useBrowser();
const dir = new URL('../bad_input/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((f) => ({ name: f.slice(0, -3), source: readFileSync(new URL(f, dir), 'utf8') }));

test('every bad input ends in its located error in the browser, and the next run works', async () => {
  assert.ok(cases.length >= 60);
  const { page, context } = await openClientPage(state);
  const results = await page.evaluate(async (list) => {
    const out = [];
    for (const { name, source } of list) {
      try {
        const report = await window.client.call('runPython', { source });
        const next = await window.client.call('runPython', { source: "print('ok')\n" });
        out.push({ name, type: report.error?.type ?? null, line: report.error?.line ?? null, next: next.stdout });
      } catch (err) {
        out.push({ name, type: `${err.name}: ${err.message}`, line: null, next: null });
        await window.client.restart();
      }
    }
    return out;
  }, cases);
  const failures = [];
  for (const r of results) {
    const want = expected[r.name];
    if (!want) failures.push(`${r.name}: no expectation`);
    else if (r.type !== want.type || (want.line !== null && r.line !== want.line)) {
      failures.push(`${r.name}: want ${want.type} at line ${want.line}, got ${r.type} at line ${r.line}`);
    }
    if (r.next !== 'ok\n') failures.push(`${r.name}: the next run printed ${JSON.stringify(r.next)}`);
  }
  assert.deepEqual(failures, []);
  await context.close();
});
