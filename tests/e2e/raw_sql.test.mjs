// The raw-SQL playground: the foundation's end-to-end checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EDITOR,
  getSource,
  openPage,
  runAndWait,
  screenshot,
  setMode,
  setSource,
  useBrowser,
  waitReady,
} from './base.mjs';

const state = useBrowser();
const ACCEPTANCE = 'CREATE TABLE t(x); INSERT INTO t VALUES (1),(2); UPDATE t SET x = x + 1; SELECT * FROM t;';

test('the page loads and the engine becomes ready without errors', async () => {
  const { page, context, problems } = await openPage(state);
  assert.match(await page.locator('#status').textContent(), /Ready/);
  assert.equal(await page.locator('#run').isEnabled(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('running the acceptance script shows rows 2 and 3 and a time per statement', async () => {
  const { page, context, problems } = await openPage(state);
  await setMode(page, 'sql');
  await setSource(page, ACCEPTANCE);
  await runAndWait(page);
  const statements = page.locator('article.statement');
  assert.equal(await statements.count(), 4);
  const cells = await statements.nth(3).locator('tbody td').allTextContents();
  assert.deepEqual(cells, ['2', '3']);
  assert.equal(await statements.nth(3).locator('th').textContent(), 'x');
  for (const meta of await page.locator('article.statement .meta').allTextContents()) {
    assert.match(meta, /\d+(\.\d+)? ms$/);
  }
  assert.match(await statements.nth(2).locator('.meta').textContent(), /^2 rows affected/);
  assert.deepEqual(problems, []);
  await screenshot(page, 'raw-sql-light');
  await context.close();
});

test('an SQL error shows SQLite message and the statement, and the next run works', async () => {
  const { page, context } = await openPage(state);
  await setMode(page, 'sql');
  await setSource(page, 'SELECT 1;\nSELECT * FROM nope;');
  await runAndWait(page);
  const error = page.locator('article.statement.error');
  assert.equal(await error.count(), 1);
  assert.match(await error.locator('.message').textContent(), /no such table: nope/);
  assert.equal(await error.locator('.badge').textContent(), 'OperationalError');
  assert.equal(await error.locator('pre.sql').textContent(), 'SELECT * FROM nope');
  assert.match(await error.locator('button.link').textContent(), /line 2/);
  await setMode(page, 'sql');
  await setSource(page, 'SELECT 40 + 2 AS answer;');
  await runAndWait(page);
  assert.equal(await page.locator('article.statement.error').count(), 0);
  assert.equal(await page.locator('tbody td').textContent(), '42');
  await context.close();
});

test('Ctrl+Enter in the editor runs the script', async () => {
  const { page, context } = await openPage(state);
  await setMode(page, 'sql');
  await setSource(page, "SELECT 'keyboard' AS how;");
  await page.locator(EDITOR).focus();
  await runAndWait(page, () => page.keyboard.press('Control+Enter'));
  assert.equal(await page.locator('tbody td').textContent(), 'keyboard');
  await context.close();
});

test('the typed code survives a reload', async () => {
  const { page, context } = await openPage(state);
  await setMode(page, 'sql');
  await setSource(page, 'SELECT 7; -- kept');
  await page.reload();
  await waitReady(page);
  assert.equal(await getSource(page), 'SELECT 7; -- kept');
  await context.close();
});

test('hostile text is shown as text, never as markup', async () => {
  const { page, context, problems } = await openPage(state);
  await setMode(page, 'sql');
  await setSource(page, 'SELECT \'</script><img src=x onerror="document.body.dataset.pwned=1">\' AS evil;');
  await runAndWait(page);
  assert.match(await page.locator('tbody td').textContent(), /<img src=x/);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => document.body.dataset.pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the main flow works at a 375 px wide viewport and in the dark theme', async () => {
  const { page, context } = await openPage(state, { colorScheme: 'dark', viewport: { width: 375, height: 800 } });
  await setMode(page, 'sql');
  await setSource(page, ACCEPTANCE);
  await runAndWait(page);
  assert.deepEqual(await page.locator('article.statement').nth(3).locator('tbody td').allTextContents(), ['2', '3']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await screenshot(page, 'raw-sql-dark-375');
  await context.close();
});
