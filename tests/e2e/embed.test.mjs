// Embedding: two <session-lab> elements on a blank page (one wasm download, separate data),
// the iframe mode with its resize messages, and database files going out to sql.js and back in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import initSqlJs from 'sql.js';
import { fixturePage, openPage, runAndWait, setSource, useBrowser } from './base.mjs';

const state = useBrowser();

const TWO_LABS = `<!doctype html>
<html><head><meta charset="utf-8"><script type="module" src="/web/element.js"></script></head>
<body>
<session-lab id="a">
<script type="text/x-python">
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///shared.db")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE only_a (x INTEGER)"))
    conn.execute(text("INSERT INTO only_a VALUES (1), (2)"))
    print("a sees", conn.execute(text("SELECT count(*) FROM only_a")).scalar())
</script>
</session-lab>
<session-lab id="b" views="output">
<script type="text/x-python">
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///shared.db")
with engine.connect() as conn:
    print("b sees", conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'only_a'")).scalar())
</script>
</session-lab>
<pre data-session-lab data-views="output" id="plain"><code>print("from a plain code block")
</code></pre>
</body></html>`;

const HOST = `<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<iframe id="frame" src="/index.html?embed&autorun&theme=dark&views=output,sql" style="width:700px;height:200px;border:0"></iframe>
<script>
  window.heights = [];
  addEventListener('message', (e) => {
    if (e.data?.type === 'sessionlab:resize') {
      window.heights.push(e.data.height);
      document.getElementById('frame').style.height = e.data.height + 'px';
    }
  });
</script>
</body></html>`;

test('two elements on a blank page run independently with one wasm download', async () => {
  const { page, context, problems, url } = await fixturePage(state, 'two-labs.html', TWO_LABS);
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('session-lab').length === 3);
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).dataset.ready));
  const a = page.locator('#a');
  const b = page.locator('#b');
  await a.locator('button.primary').click();
  await page.waitForFunction(() => document.getElementById('a').dataset.runs === '1');
  await b.locator('button.primary').click();
  await page.waitForFunction(() => document.getElementById('b').dataset.runs === '1');
  assert.equal(await a.locator('pre.stdout').textContent(), 'a sees 2\n');
  // The same database name in another element is another database.
  assert.equal(await b.locator('pre.stdout').textContent(), 'b sees 0\n');
  assert.equal(await b.locator('ol.events').count(), 0, 'views="output" hides the SQL log');
  assert.equal(await a.locator('ol.events li.sql').count(), 3);
  assert.equal(wasm.length, 1, `one wasm download, got ${wasm.join(', ')}`);
  // A marked code block became a third example.
  const plain = page.locator('session-lab:has(#plain)');
  await plain.locator('button.primary').click();
  await page.waitForFunction(() => document.querySelector('session-lab:has(#plain)').dataset.runs === '1');
  assert.equal(await plain.locator('pre.stdout').textContent(), 'from a plain code block\n');
  // Edits are the reader's: the second run uses the edited text.
  await a.locator('textarea').fill('print("edited")\n');
  await a.locator('textarea').press('Control+Enter');
  await page.waitForFunction(() => document.getElementById('a').dataset.runs === '2');
  assert.equal(await a.locator('pre.stdout').textContent(), 'edited\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe mode renders compactly, runs on load and reports its height', async () => {
  const { page, context, url } = await fixturePage(state, 'iframe-host.html', HOST);
  await page.goto(url);
  const frame = page.frameLocator('#frame');
  await page.waitForFunction(() => window.heights.length > 0);
  // autorun: the default example ran inside the frame.
  await frame.locator('pre.stdout').waitFor();
  assert.equal(await frame.locator('header.top').isVisible(), false);
  assert.equal(await frame.locator('ol.events').count(), 1);
  assert.equal(await frame.locator('pre.stdout').count(), 1);
  await page.waitForFunction(() => window.heights.at(-1) > 300);
  const height = await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(height > 300, `the host resized the frame to ${height}px`);
  const scheme = await frame.locator('html').evaluate((h) => h.dataset.theme);
  assert.equal(scheme, 'dark');
  await context.close();
});

test('a downloaded database opens in sql.js and, imported, starts the next run', async () => {
  const { page, context, problems } = await openPage(state);
  await setSource(
    page,
    [
      'from sqlalchemy import create_engine, text',
      'engine = create_engine("sqlite://")',
      'with engine.begin() as conn:',
      '    conn.execute(text("CREATE TABLE pets (id INTEGER PRIMARY KEY, name TEXT)"))',
      "    conn.execute(text(\"INSERT INTO pets (name) VALUES ('Rex'), ('Tom'), ('Kit')\"))",
      '',
    ].join('\n'),
  );
  await runAndWait(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-db')]);
  const bytes = readFileSync(await download.path());
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  const rows = db.exec('SELECT id, name FROM pets ORDER BY id')[0].values;
  db.close();
  assert.deepEqual(rows, [
    [1, 'Rex'],
    [2, 'Tom'],
    [3, 'Kit'],
  ]);
  await page.setInputFiles('#open-db', { name: 'pets.sqlite', mimeType: 'application/vnd.sqlite3', buffer: bytes });
  await page.waitForFunction(() => !document.getElementById('imported').hidden);
  await setSource(
    page,
    [
      'from sqlalchemy import create_engine, text',
      'engine = create_engine("sqlite://")',
      'with engine.connect() as conn:',
      '    print(conn.execute(text("SELECT id, name FROM pets ORDER BY id")).all())',
      '',
    ].join('\n'),
  );
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), "[(1, 'Rex'), (2, 'Tom'), (3, 'Kit')]\n");
  await page.click('#forget-db');
  await runAndWait(page);
  assert.match(await page.locator('pre.traceback').textContent(), /no such table: pets/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the README’s embed snippet works pasted into a plain page', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const snippet = readme.match(/## Embedding[\s\S]*?```html\n([\s\S]*?)```/)[1];
  const docs = `<!doctype html><meta charset="utf-8"><body>${snippet}</body>`;
  const { page, context, problems, url } = await fixturePage(state, 'docs.html', docs);
  // The snippet loads from /sessionlab/: serve the built site there, as a docs site would.
  const dist = new URL('../../dist/', import.meta.url);
  await page.route(/\/sessionlab\//, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/sessionlab\//, '');
    const type = path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.js') ? 'text/javascript' : 'text/html';
    route.fulfill({ contentType: type, body: readFileSync(new URL(path, dist)) });
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('session-lab').length === 2);
  const [workspace, block] = [page.locator('session-lab').first(), page.locator('session-lab').nth(1)];
  await workspace.locator('button', { hasText: 'Compare all' }).click();
  await page.waitForFunction(() => document.querySelector('session-lab').dataset.runs === '1');
  assert.deepEqual(await workspace.locator('table.compare tbody td:first-child').allTextContents(), [
    'Iterate',
    'Query.update',
  ]);
  await block.locator('button.primary').click();
  await page.waitForFunction(() => document.querySelectorAll('session-lab')[1].dataset.runs === '1');
  assert.equal(await block.locator('pre.stdout').textContent(), 'hello\n');
  assert.deepEqual(problems, []);
  await context.close();
});
