// Real SQLAlchemy in the page (web/check.js, Pyodide from dist/pyodide/, served locally): one
// page load, so Pyodide is fetched once. Nothing of Pyodide is requested before the click;
// "Check against SQLAlchemy" says identical on every lesson (the side-by-side workspace too);
// the real engine's own report matches the lesson's golden (recorded with SQLAlchemy 2.1.9);
// "Compare all in SQLAlchemy" ranks the workspace's strategies; a script our engine rejects gets
// "Run with real SQLAlchemy", whose result shows in the views, and its share link keeps the engine.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, openSharedLink, runAndWait, screenshot, setSource, useBrowser } from './base.mjs';

const state = useBrowser();
const built = existsSync(new URL('../../dist/web/pyodide.json', import.meta.url));
const lessonsDir = new URL('../../web/lessons/', import.meta.url);
const lessons = JSON.parse(readFileSync(new URL('lessons.json', lessonsDir), 'utf8'));
const golden = JSON.parse(readFileSync(new URL('../conformance/lessons/three_methods.json', import.meta.url), 'utf8'));
/** Pyodide's start on a busy two-core machine: generous. */
const LOAD = 240_000;

async function check(page) {
  const before = Number((await page.evaluate(() => document.body.dataset.runs)) ?? 0);
  await page.click('#check');
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, before, { timeout: LOAD });
  return page.evaluate(() => document.body.dataset.verdict);
}

test(
  "Check against SQLAlchemy, the real engine's report, and the fallback",
  { skip: !built && 'dist/ was built without the Pyodide engine' },
  async () => {
    const { page, context, problems } = await openPage(state);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    // The page's own start fetches nothing of Pyodide (the manifest is all it reads).
    await page.waitForSelector('#check', { state: 'visible' });
    assert.deepEqual(
      requests.filter((u) => u.includes('/pyodide/')),
      [],
    );
    assert.ok(!requests.some((u) => /cdn|jsdelivr|pypi/.test(u)));
    // Including what the page fetched before this listener existed.
    const early = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.deepEqual(
      early.filter((u) => /\/pyodide\/|pyodide-worker/.test(u)),
      [],
    );

    await page.selectOption('#lesson', { label: lessons[0].title });
    await page.waitForFunction((t) => document.getElementById('status').textContent.includes(t), lessons[0].title);
    await page.click('#check');
    // While Pyodide loads, the progress bar counts its bytes.
    await page.waitForFunction(
      () => /Loading real SQLAlchemy.*MiB of/.test(document.getElementById('status').textContent),
      null,
      {
        timeout: LOAD,
      },
    );
    assert.equal(await page.locator('#progress').isVisible(), true);
    await page.waitForFunction(() => document.body.dataset.verdict, null, { timeout: LOAD });
    assert.equal(await page.evaluate(() => document.body.dataset.verdict), 'identical');
    assert.match(await page.locator('.verdict').textContent(), /^Identical to SQLAlchemy 2\.1\.9\.$/);
    await screenshot(page, 'sqlalchemy-check');
    const fetched = requests.filter((u) => u.includes('/pyodide/')).map((u) => new URL(u).pathname);
    assert.ok(
      fetched.includes('/pyodide/pyodide.asm.wasm') && fetched.some((p) => p.endsWith('.whl')),
      fetched.join(' '),
    );
    assert.ok(!requests.some((u) => !u.startsWith(state.server.url)), 'everything came from the local server');

    // The real engine's own report, in the page's views: what SQLAlchemy 2.1.9 recorded.
    await page.getByRole('button', { name: "Show SQLAlchemy 2.1.9's run" }).click();
    assert.match(await page.locator('.engine-label').textContent(), /Run by real SQLAlchemy 2\.1\.9 on CPython 3\.14/);
    assert.equal(await page.locator('pre.stdout').textContent(), golden.stdout);
    const shown = await page.locator('li.event.sql pre.sql').allTextContents();
    assert.deepEqual(
      shown,
      golden.events.filter((e) => e.kind === 'sql').map((e) => e.sql.trim()),
    );
    await screenshot(page, 'sqlalchemy-run');

    // Every other lesson, and the workspace (setup then its strategy) in both engines.
    const verdicts = {};
    for (const lesson of lessons.slice(1)) {
      await page.selectOption('#lesson', { label: lesson.title });
      await page.waitForFunction((t) => document.getElementById('status').textContent.includes(t), lesson.title);
      await page.evaluate(() => delete document.body.dataset.verdict);
      verdicts[lesson.title] = await check(page);
    }
    assert.deepEqual(verdicts, Object.fromEntries(lessons.slice(1).map((l) => [l.title, 'identical'])));

    // Compare all with real SQLAlchemy: the same table, labelled as Pyodide's times.
    const workspace = lessons.find((l) => l.setup);
    await page.selectOption('#lesson', { label: workspace.title });
    await page.waitForFunction((t) => document.getElementById('status').textContent.includes(t), workspace.title);
    await runAndWait(page, () => page.click('#compare-sqlalchemy'), { timeout: LOAD });
    assert.equal(await page.locator('table.compare tbody tr').count(), workspace.strategies.length);
    assert.equal(await page.locator('table.compare tbody tr.failed').count(), 0);
    assert.match(await page.locator('.engine-label').textContent(), /Pyodide's times/);

    // Something our engine rejects: the error box offers the real engine, which runs it.
    await page.selectOption('#lesson', { label: lessons[0].title });
    await page.waitForFunction((t) => document.getElementById('status').textContent.includes(t), lessons[0].title);
    await setSource(
      page,
      `from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, DeclarativeBase, Mapped, mapped_column
class Base(DeclarativeBase):
    pass
class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Item(name="a"))
session.commit()
item = session.get(Item, 1)
print("found", bytearray(item.name, "ascii").decode())
`,
    );
    await runAndWait(page);
    const offer = page.getByRole('button', { name: 'Run with real SQLAlchemy' });
    assert.equal(await offer.count(), 1, 'the fallback is offered');
    await runAndWait(page, () => offer.click(), { timeout: LOAD });
    assert.equal(await page.locator('pre.stdout').textContent(), 'found a\n');
    assert.equal(await page.locator('.engine-label').count(), 1);
    assert.ok((await page.locator('li.event.sql').count()) >= 3, 'the SQL log');
    assert.match(await page.locator('#results').textContent(), /Session 1: 1 object/);
    await screenshot(page, 'sqlalchemy-fallback');
    // The share link records the engine: the opened workspace offers real SQLAlchemy again.
    const other = await openSharedLink(page, context);
    await other.waitForSelector('#run-sqlalchemy', { state: 'visible' });
    assert.deepEqual(problems, []);
    await context.close();
  },
);
