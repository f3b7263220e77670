// Python mode: the SQLAlchemy example runs in the page and shows output, SQL and tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, runAndWait, screenshot, setMode, setSource, useBrowser } from './base.mjs';

const state = useBrowser();

test('the Python example runs and shows its output, the SQL it sent and the tables', async () => {
  const { page, context, problems } = await openPage(state);
  assert.equal(await page.evaluate(() => document.body.dataset.mode), 'python');
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), 'foo values: [1, 2, 3, 4, 5] sum: 15\n');
  const statements = await page.locator('li.event.sql pre.sql').allTextContents();
  assert.ok(statements.includes('UPDATE stuff SET foo=(stuff.foo + ?)'), statements.join('\n'));
  assert.ok(statements.some((s) => s.startsWith('CREATE TABLE stuff')));
  const inserts = page.locator('li.event.sql', { hasText: 'INSERT INTO stuff (foo) VALUES (?)' });
  assert.match(await inserts.locator('.badge').textContent(), /executemany/);
  assert.match(await inserts.locator('.params').textContent(), /^5 parameter sets/);
  assert.deepEqual(await page.locator('.results table').last().locator('tbody tr').count(), 5);
  assert.deepEqual(problems, []);
  await screenshot(page, 'python-light');
  await context.close();
});

test('a Python error shows the traceback and selects the failing line', async () => {
  const { page, context } = await openPage(state);
  await setSource(page, 'x = 1\nprint(undefined_name)\n');
  await runAndWait(page);
  const error = page.locator('article.statement.error');
  assert.equal(await error.locator('.badge').textContent(), 'NameError');
  assert.match(await error.locator('pre.traceback').textContent(), /line 2, in <module>/);
  const selected = await page.evaluate(() => {
    const s = document.getElementById('source');
    return s.value.slice(s.selectionStart, s.selectionEnd);
  });
  assert.equal(selected, 'print(undefined_name)');
  await context.close();
});

test('each mode keeps its own code', async () => {
  const { page, context } = await openPage(state);
  await setSource(page, 'print("python side")');
  await setMode(page, 'sql');
  await setSource(page, 'SELECT 1;');
  await setMode(page, 'python');
  assert.equal(await page.locator('#source').inputValue(), 'print("python side")');
  await context.close();
});
