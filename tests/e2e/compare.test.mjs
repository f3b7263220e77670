// Strategies side by side: a workspace lesson (setup + three strategies) runs each strategy on
// identical data, and the comparison shows time, statements and rows changed per strategy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EDITOR, getSource, openPage, openSharedLink, runAndWait, screenshot, useBrowser } from './base.mjs';

const state = useBrowser();

test('Compare all runs every strategy after the setup and ranks them', async () => {
  const { page, context, problems } = await openPage(state);
  await page.selectOption('#lesson', { label: 'Compare the three methods side by side' });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab[data-tab]').length === 4);
  assert.deepEqual(await page.locator('#tabs .tab[data-tab]').allTextContents(), [
    'Setup',
    'Iterate + commit',
    'Query.update',
    'Core update',
  ]);
  await page.fill('#n', '200');
  await page.locator('#n').dispatchEvent('change');
  await runAndWait(page, () => page.click('#compare'));
  const rows = page.locator('table.compare tbody tr');
  assert.equal(await rows.count(), 3);
  assert.ok(Number(await page.locator('table.compare').getAttribute('data-repetitions')) >= 3);
  const statements = await rows.locator('td:nth-child(4)').allTextContents();
  assert.deepEqual(statements, ['3', '2', '2']);
  const changed = await rows.locator('td:nth-child(5)').allTextContents();
  assert.deepEqual(changed, ['200', '200', '200']);
  assert.match(await page.locator('#status').textContent(), /Compared 3 strategies at N = 200/);
  await screenshot(page, 'compare-light');
  // A simulated 2 ms per round trip is added to each time, labelled as simulated.
  await page.selectOption('#latency', '2');
  await runAndWait(page, () => page.click('#compare'));
  assert.match(await page.locator('.results h3').first().textContent(), /simulated 2 ms per round trip/);
  // One strategy's details: its SQL log with the executemany of 200 parameter sets.
  await rows.first().locator('th button').click();
  const flush = page.locator('li.event.sql', { hasText: 'UPDATE stuff SET foo=? WHERE stuff.id = ?' });
  assert.match(await flush.locator('.params').textContent(), /^200 parameter sets/);
  // Running one tab runs setup then that strategy only.
  await page.click('#tabs .tab[data-tab="2"]');
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), '20100\n');
  // The tables mark the cells the strategy changed against the setup's data.
  // (100 rows per page: 100 changed cells here, the other 100 on the next page.)
  const changedCells = page.locator('.results table:not(.session) td.changed');
  assert.equal(await changedCells.count(), 100);
  await page.click('.pager .page-next');
  assert.equal(await page.locator('.pager .page-label').textContent(), 'Rows 101–200 of 200');
  assert.equal(await changedCells.count(), 100);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link keeps the setup, every strategy and N', async () => {
  const { page, context } = await openPage(state);
  await page.selectOption('#lesson', { label: 'Compare the three methods side by side' });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab[data-tab]').length === 4);
  await page.fill('#n', '77');
  await page.locator('#n').dispatchEvent('change');
  const other = await openSharedLink(page, context);
  assert.equal(await other.locator('#tabs .tab[data-tab]').count(), 4);
  assert.equal(await other.locator('#n').inputValue(), '77');
  await other.click('#tabs .tab[data-tab="0"]');
  assert.match(await getSource(other), /range\(N\)/);
  await context.close();
});

test('keyboard: Ctrl+Shift+Enter compares all; strategies reorder; a strategy exports as a script', async () => {
  const { page, context, problems } = await openPage(state);
  await page.selectOption('#lesson', { label: 'Compare the three methods side by side' });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab[data-tab]').length === 4);
  await page.fill('#n', '30');
  await page.locator('#n').dispatchEvent('change');
  await runAndWait(page, () => page.locator(EDITOR).press('Control+Shift+Enter'));
  assert.equal(await page.locator('table.compare tbody tr').count(), 3);
  assert.equal(await page.locator('#progress').isVisible(), false, 'the progress bar hides when done');
  // Move "Query.update" (tab 2) left: it becomes the first strategy and stays selected.
  await page.click('#tabs .tab[data-tab="2"]');
  await page.click('#tabs button[title="Move this strategy left"]');
  assert.deepEqual(await page.locator('#tabs .tab[data-tab]').allTextContents(), [
    'Setup',
    'Query.update',
    'Iterate + commit',
    'Core update',
  ]);
  assert.equal(await page.locator('#tabs .tab.current').textContent(), 'Query.update');
  // Export: the setup and this strategy as a Python file for real SQLAlchemy.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.equal(download.suggestedFilename(), 'sessionlab_query_update.py');
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /^# Exported from SessionLab/);
  assert.match(text, /\nN = 30\n/);
  assert.match(text, /session\.query\(Stuff\)\.update\(\{Stuff\.foo: Stuff\.foo \+ 1\}\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Sweep N draws each strategy’s time as N grows, with a table of the numbers', async () => {
  const { page, context, problems } = await openPage(state);
  await page.selectOption('#lesson', { label: 'Compare the three methods side by side' });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab[data-tab]').length === 4);
  // Every N is measured (a warm-up, at least 3 repetitions): 100k takes a while.
  await runAndWait(page, () => page.click('#sweep'), { timeout: 180_000 });
  assert.equal(await page.locator('svg.sweep polyline').count(), 3);
  assert.equal(await page.locator('svg.sweep circle').count(), 12);
  // The min–max band of each strategy's repetitions, behind its line of medians.
  assert.equal(await page.locator('svg.sweep polygon.band').count(), 3);
  const cells = await page.locator('table.sweep-table tbody td').allTextContents();
  assert.equal(cells.length, 12);
  assert.ok(
    cells.every((c) => /^[\d.]+ ms \([\d.]+–[\d.]+ ms\)$/.test(c)),
    cells.join(', '),
  );
  assert.equal(await page.locator('#n').inputValue(), '1000', 'the chosen N is kept');
  await screenshot(page, 'sweep-light');
  assert.deepEqual(problems, []);
  await context.close();
});
