// Lessons and share links: a lesson loads with its explanation without losing typed code, and
// a link holds the whole script (a fixture link made by format 1 must keep opening).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSource, openPage, openSharedLink, runAndWait, setSource, useBrowser, waitReady } from './base.mjs';

const state = useBrowser();

// Made by "Copy link" with format 1 for the Python script `print("shared", 6 * 7)`.
const FIXTURE = '#w=q1YqU7Iy1FHKzU9JVbJSKqgsycjPU9JRKs4vLUoGixRl5pVoxCgVZyQWpabEKOkomCloKZhrxuQp1QIA';

test('a lesson loads with its explanation, runs, and the typed code can be restored', async () => {
  const { page, context, problems } = await openPage(state);
  await setSource(page, 'print("my own code")\n');
  await page.selectOption('#lesson', { label: "synchronize_session: False, 'evaluate', 'fetch', 'auto'" });
  await page.waitForFunction(() =>
    document.getElementById('editor').sessionlabEditor.value.includes('synchronize_session'),
  );
  assert.match(await page.locator('#lesson-explanation').textContent(), /'fetch' asks SQLite/);
  await runAndWait(page);
  assert.match(await page.locator('pre.stdout').textContent(), /'fetch': session sees \[0, 10, 10\]/);
  await page.click('#restore');
  assert.equal(await getSource(page), 'print("my own code")\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Copy link puts the script in the URL and the link opens it again', async () => {
  const { page, context, problems } = await openPage(state);
  await setSource(page, 'print("round trip ✓")\n');
  const other = await openSharedLink(page, context);
  assert.equal(await getSource(other), 'print("round trip ✓")\n');
  assert.match(await other.locator('#status').textContent(), /Opened a shared workspace/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link made by format 1 still opens; a damaged one says so and keeps the own code', async () => {
  const { page, context } = await openPage(state, { path: FIXTURE });
  assert.equal(await getSource(page), 'print("shared", 6 * 7)\n');
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), 'shared 42\n');
  await context.close();
  const damaged = await openPage(state, { path: '#w=not-a-real-link' });
  assert.match(await damaged.page.locator('#status').textContent(), /could not be opened: the link is damaged/);
  assert.notEqual(await getSource(damaged.page), '');
  await damaged.context.close();
});

test('Copy as Markdown gives the script and its SQL; the log filters and theme stick', async () => {
  const { page, context, problems } = await openPage(state);
  await setSource(
    page,
    'from sqlalchemy import create_engine, text\nengine = create_engine("sqlite://")\nwith engine.begin() as c:\n    c.execute(text("CREATE TABLE t (x)"))\n    c.execute(text("INSERT INTO t VALUES (:x)"), {"x": 1})\nprint("ok")\n',
  );
  await runAndWait(page);
  assert.match(await page.locator('#status').textContent(), /Ran: 2 statements, 1 row changed, 0 objects stale\./);
  await page.click('#markdown');
  await page.waitForFunction(() => document.body.dataset.markdown);
  const markdown = await page.evaluate(() => document.body.dataset.markdown);
  assert.match(markdown, /^```python\nfrom sqlalchemy import/);
  assert.match(markdown, /```sql\nINSERT INTO t VALUES \(\?\)\n-- \(1,\)\n```/);
  assert.doesNotMatch(markdown.split('```sql')[1], /CREATE TABLE/);
  await page.check('input[data-filter="hide-tx"]');
  assert.equal(await page.locator('ol.events li.tx').first().isVisible(), false);
  await page.click('#theme');
  await page.click('#theme');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await runAndWait(page);
  assert.equal(await page.locator('input[data-filter="hide-tx"]').isChecked(), true);
  assert.deepEqual(problems, []);
  await context.close();
});
