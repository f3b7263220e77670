// Hardening: a hostile share link stays data, an oversized or corrupted one says so, a runaway
// loop is cancelled and the next run works, and an engine that traps is replaced by a fresh
// worker without losing the reader's code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeWorkspace } from '../../web/share.js';
import { getSource, openClientPage, openPage, runAndWait, setSource, useBrowser } from './base.mjs';

const state = useBrowser();
const PAYLOAD = '</script><img src=x onerror="document.body.dataset.pwned=1">';

test('a hostile share link shows its markup as text and runs nothing but Python', async () => {
  const hash = await encodeWorkspace({
    mode: 'python',
    ws: {
      setup: `print(${JSON.stringify(PAYLOAD)})\n`,
      strategies: [{ name: PAYLOAD, source: `print(${JSON.stringify(PAYLOAD)} * 2)\n` }],
      n: 10,
      current: 1,
    },
  });
  const { page, context, problems } = await openPage(state, { path: hash });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  assert.ok((await page.locator('#tabs').textContent()).includes(PAYLOAD));
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), `${PAYLOAD.repeat(2)}\n`);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => document.body.dataset.pwned), undefined);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an oversized or corrupted link gives a clear message and a working page', async () => {
  for (const hash of ['#w=' + 'A'.repeat(1_000_000), '#w=%%%not-base64', '#w=']) {
    const { page, context } = await openPage(state, { path: hash });
    assert.match(await page.locator('#status').textContent(), /link/i);
    await setSource(page, 'print("still fine")\n');
    await runAndWait(page);
    assert.equal(await page.locator('pre.stdout').textContent(), 'still fine\n');
    await context.close();
  }
});

test('a runaway loop is cancelled and the next run works, with the code kept', async () => {
  const { page, context, problems } = await openPage(state);
  const code = 'n = 0\nwhile True:\n    n += 1\n';
  await setSource(page, code);
  await page.click('#run');
  await page.locator('#cancel').waitFor({ state: 'visible' });
  await page.click('#cancel');
  await page.waitForFunction(() => /Cancelled/.test(document.getElementById('status').textContent));
  assert.equal(await getSource(page), code);
  await setSource(page, 'print("after the cancel")\n');
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), 'after the cancel\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an engine trap is reported, a fresh worker takes over, and runs work again', async () => {
  const { page, context } = await openClientPage(state);
  const outcome = await page.evaluate(async () => {
    let error = null;
    try {
      await window.client.call('simulateTrap');
    } catch (err) {
      error = { type: err.type, message: err.message };
    }
    const after = await window.client.call('runPython', { source: 'print(6 * 7)\n' });
    return { error, restarts: window.restarts, stdout: after.stdout };
  });
  assert.equal(outcome.error.type, 'InternalError');
  assert.match(outcome.error.message, /internal error: unreachable/);
  assert.equal(outcome.restarts, 1);
  assert.equal(outcome.stdout, '42\n');
  await context.close();
});

test('a big table reaches the page as its first rows and its count', async () => {
  const { page, context, problems } = await openPage(state);
  await setSource(
    page,
    [
      'from sqlalchemy import create_engine, text',
      'engine = create_engine("sqlite://")',
      'with engine.begin() as conn:',
      '    conn.execute(text("CREATE TABLE t (x INTEGER)"))',
      '    conn.execute(text("INSERT INTO t (x) VALUES (:x)"), [{"x": i} for i in range(30000)])',
      '',
    ].join('\n'),
  );
  await runAndWait(page);
  assert.equal(await page.locator('.table-name').textContent(), 't (30000 rows)');
  // 10,000 rows reach the page, 100 per page; the rest are in the downloadable database.
  assert.match(await page.locator('.results .note').last().textContent(), /first 10000 of 30000 rows/);
  assert.equal(await page.locator('.pager .page-label').textContent(), 'Rows 1–100 of 30000');
  assert.equal(await page.locator('.results tbody tr').count(), 100);
  await page.click('.pager .page-next');
  assert.equal(await page.locator('.pager .page-label').textContent(), 'Rows 101–200 of 30000');
  assert.equal(await page.locator('.results tbody tr').first().textContent(), '100');
  assert.deepEqual(problems, []);
  await context.close();
});
