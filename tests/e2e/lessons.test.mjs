// The gallery in the page: every lesson loads from the Lessons menu and runs without error,
// printing what real SQLAlchemy printed and showing the statements it sent (the goldens in
// tests/conformance/lessons, recorded with SQLAlchemy 2.1.9); the side-by-side lesson draws a
// bar per strategy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, runAndWait, screenshot, useBrowser } from './base.mjs';

const state = useBrowser();
const lessonsDir = new URL('../../web/lessons/', import.meta.url);
const goldens = new URL('../conformance/lessons/', import.meta.url);
const lessons = JSON.parse(readFileSync(new URL('lessons.json', lessonsDir), 'utf8'));

test('every gallery lesson runs in the page and shows the statements SQLAlchemy sends', async () => {
  const { page, context, problems } = await openPage(state);
  const single = lessons.filter((l) => l.file);
  assert.ok(single.length >= 10, `only ${single.length} single-script lessons`);
  for (const lesson of single) {
    const want = JSON.parse(readFileSync(new URL(lesson.file.replace(/\.py$/, '.json'), goldens), 'utf8'));
    await page.selectOption('#lesson', { label: lesson.title });
    await page.waitForFunction((t) => document.getElementById('status').textContent.includes(t), lesson.title);
    await runAndWait(page);
    assert.equal(await page.locator('article.statement.error').count(), 0, `${lesson.file} raised`);
    assert.equal(await page.locator('pre.stdout').textContent(), want.stdout || '(nothing printed)', lesson.file);
    const shown = await page.locator('li.event.sql pre.sql').allTextContents();
    const sent = want.events.filter((e) => e.kind === 'sql').map((e) => e.sql.trim());
    assert.deepEqual(shown, sent, `${lesson.file}: the SQL log`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the side-by-side lesson compares its strategies with a bar each', async () => {
  const { page, context, problems } = await openPage(state);
  const lesson = lessons.find((l) => l.setup);
  await page.selectOption('#lesson', { label: lesson.title });
  await page.waitForFunction(() => !document.getElementById('compare').hidden);
  await runAndWait(page, () => page.click('#compare'));
  const bars = page.locator('table.compare td.chart .bar');
  assert.equal(await bars.count(), lesson.strategies.length);
  for (let i = 0; i < lesson.strategies.length; i++) {
    const width = await bars
      .nth(i)
      .locator('span.python')
      .evaluate((s) => s.getBoundingClientRect().width);
    assert.ok(width > 0, `${lesson.strategies[i].name} has a bar`);
  }
  const names = await page.locator('table.compare tbody th').allTextContents();
  assert.deepEqual(names.sort(), lesson.strategies.map((s) => s.name).sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the main views in the dark theme: a lesson run and Compare all', async () => {
  const { page, context, problems } = await openPage(state, { colorScheme: 'dark' });
  // The page follows the system's dark scheme: dark background, light text.
  const colours = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { bg: style.backgroundColor, fg: style.color };
  });
  const luminance = (rgb) =>
    rgb
      .match(/\d+/g)
      .slice(0, 3)
      .map(Number)
      .reduce((a, b) => a + b, 0);
  assert.ok(luminance(colours.bg) < luminance(colours.fg), `dark: ${JSON.stringify(colours)}`);
  await runAndWait(page);
  assert.equal(await page.locator('article.statement.error').count(), 0);
  await screenshot(page, 'python-dark');
  const lesson = lessons.find((l) => l.setup);
  await page.selectOption('#lesson', { label: lesson.title });
  await page.waitForFunction(() => !document.getElementById('compare').hidden);
  await runAndWait(page, () => page.click('#compare'));
  assert.equal(await page.locator('table.compare td.chart .bar').count(), lesson.strategies.length);
  await screenshot(page, 'compare-dark');
  assert.deepEqual(problems, []);
  await context.close();
});
