// Timings a reader can trust and a page that is ready first: Compare all measures with a warm-up
// and interleaved repetitions, a single Run can be measured on request, the JS API returns the
// samples; the site arrives brotli-compressed and the editor takes over from the textarea without
// losing what was typed. (The speed targets themselves live in `npm run bench`.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EDITOR, fixturePage, getSource, openClientPage, openPage, runAndWait, useBrowser } from './base.mjs';

const state = useBrowser();

async function compareLesson(page, n) {
  await page.selectOption('#lesson', { label: 'Compare the three methods side by side' });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab[data-tab]').length === 4);
  await page.fill('#n', String(n));
  await page.locator('#n').dispatchEvent('change');
}

test('Compare all reports the repetitions, medians with min–max, and vs fastest with its range', async () => {
  const { page, context, problems } = await openPage(state);
  await compareLesson(page, 100);
  await runAndWait(page, () => page.click('#compare'));
  const table = page.locator('table.compare');
  const repetitions = Number(await table.getAttribute('data-repetitions'));
  assert.ok(repetitions >= 3, `at least 3 repetitions, got ${repetitions}`);
  assert.match(
    await page.locator('.results p.repetitions').textContent(),
    new RegExp(
      `^Median \\(min–max\\) of ${repetitions} repetitions, interleaved .* after \\d+ untimed warm-up pass(es)?;`,
    ),
  );
  const rows = table.locator('tbody tr');
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.repetitions)), [
    String(repetitions),
    String(repetitions),
    String(repetitions),
  ]);
  const medians = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.medianMs)));
  const times = await rows.locator('td:nth-child(2)').allTextContents();
  const ratios = await rows.locator('td:nth-child(3)').allTextContents();
  const sqlite = await rows.locator('td:nth-child(6)').allTextContents();
  const python = await rows.locator('td:nth-child(7)').allTextContents();
  for (const [i, text] of times.entries()) {
    // "8.10 ms (7.91–9.20 ms)": the median first, the range after it.
    const m = text.match(/^([\d.]+) ms \(([\d.]+)–([\d.]+) ms\)$/);
    assert.ok(m, text);
    const [median, min, max] = m.slice(1).map(Number);
    assert.ok(min <= median && median <= max, text);
    assert.ok(Math.abs(median - medians[i]) <= 0.01 * Math.max(1, medians[i]), `${text} vs ${medians[i]}`);
    assert.match(sqlite[i], /^[\d.]+ ms \([\d.]+–[\d.]+ ms\)$/);
    assert.match(python[i], /^[\d.]+ ms \([\d.]+–[\d.]+ ms\)$/);
  }
  // vs fastest: the fastest median is 1.0×; each ratio comes with the per-repetition range.
  const fastest = Math.min(...medians);
  for (const [i, text] of ratios.entries()) {
    const m = text.match(/^([\d.]+)× \(([\d.]+)–([\d.]+)\)$/);
    assert.ok(m, text);
    assert.equal(Number(m[1]), Number((medians[i] / fastest).toFixed(1)), text);
  }
  assert.ok(ratios.some((r) => r.startsWith('1.0×')));
  assert.match(await page.locator('#status').textContent(), new RegExp(`median of ${repetitions} repetitions`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a single Run shows its own time and, on request, the median of k runs', async () => {
  const { page, context, problems } = await openPage(state);
  await compareLesson(page, 100);
  await page.click('#tabs .tab[data-tab="2"]');
  await runAndWait(page);
  assert.match(await page.locator('#summary').textContent(), /^\d+ statements? · [\d.]+ ms \([\d.]+ ms in SQLite/);
  const measure = page.locator('#summary button.measure');
  const label = await measure.textContent();
  const k = Number(label.match(/^measure \((\d+) runs\)$/)?.[1]);
  assert.ok(k >= 3 && k <= 50, label);
  await runAndWait(page, () => measure.click());
  assert.equal(await page.locator('#summary').getAttribute('data-repetitions'), String(k));
  assert.match(
    await page.locator('#summary').textContent(),
    new RegExp(
      `^Query\\.update: [\\d.]+ ms \\([\\d.]+–[\\d.]+ ms\\), median \\(min–max\\) of ${k} runs after a warm-up · SQLite .+ · Python .+$`,
    ),
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('the JS API’s compare() takes {repetitions, warmup, budgetMs} and returns the samples', async () => {
  const html = `<!doctype html><meta charset="utf-8"><script type="module">
import { createLab } from '/web/lab.js';
const lab = await createLab();
const setup = 'from sqlalchemy import create_engine, text\\nengine = create_engine("sqlite://")\\n';
// A few milliseconds each: this fixture is not cross-origin isolated (100 µs timer resolution).
const strategies = {
  Select: 'with engine.connect() as c:\\n    for i in range(300):\\n        c.execute(text("SELECT 1"))\\n',
  Loop: 'total = 0\\nfor i in range(20000):\\n    total += i\\n',
};
const exact = lab.compare({ setup, strategies, rows: 10, repetitions: 4, warmup: 2, budgetMs: 0 });
const budgeted = lab.compare({ setup, strategies, rows: 10, budgetMs: 1500 });
window.result = {
  exact: exact.map((r) => ({ name: r.name, samples: r.samples, time: r.time, ratio: r.ratio, ratioRange: r.ratioRange })),
  budgeted: budgeted.map((r) => r.samples.length),
};
</script><body></body>`;
  const { page, context, problems, url } = await fixturePage(state, 'api.html', html);
  await page.goto(url);
  await page.waitForFunction(() => window.result !== undefined, null, { timeout: 20_000 });
  const { exact, budgeted } = await page.evaluate(() => window.result);
  assert.deepEqual(
    exact.map((r) => [r.name, r.samples.length, r.time.n]),
    [
      ['Select', 4, 4],
      ['Loop', 4, 4],
    ],
  );
  for (const r of exact) {
    for (const s of r.samples) {
      assert.deepEqual(Object.keys(s).sort(), ['python_ms', 'sqlite_ms', 'total_ms', 'wall_ms']);
      assert.ok(s.total_ms >= 0 && s.wall_ms >= s.total_ms, JSON.stringify(s));
    }
    assert.ok(r.ratioRange.min <= r.ratio && r.ratio <= r.ratioRange.max, JSON.stringify(r));
  }
  // Small scripts: more than the minimum fit in 1.5 s, as many for each strategy.
  assert.ok(budgeted[0] > 3 && budgeted[0] === budgeted[1], JSON.stringify(budgeted));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the wasm and the JS arrive brotli-compressed, the hashed wasm cached as immutable', async () => {
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', async (r) => responses.push({ url: r.url(), headers: await r.allHeaders() }));
  await page.goto(state.server.url);
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.body.dataset.editor === 'codemirror',
  );
  const wasm = responses.find((r) => /\/web\/pkg\/sessionlab_bg\.[0-9a-f]{10}\.wasm$/.test(r.url));
  assert.ok(wasm, responses.map((r) => r.url).join('\n'));
  assert.equal(wasm.headers['content-encoding'], 'br');
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers.vary, 'Accept-Encoding');
  // One download of the wasm: the page's preload is what it compiles; the worker gets the Module.
  assert.equal(responses.filter((r) => r.url.endsWith('.wasm')).length, 1);
  const js = responses.filter((r) => new URL(r.url).pathname.endsWith('.js'));
  for (const name of ['web/main.js', 'web/worker.js', 'web/pkg/sessionlab.js']) {
    const r = js.find((x) => new URL(x.url).pathname.endsWith(name));
    assert.equal(r?.headers['content-encoding'], 'br', name);
    assert.equal(r.headers['cache-control'], 'no-cache', name);
    assert.ok(r.headers.etag, name);
  }
  const bundle = js.find((x) => /\/bundle\/editor\.[0-9a-f]{10}\.js$/.test(x.url));
  assert.equal(bundle?.headers['content-encoding'], 'br');
  await context.close();
});

test('the editor takes over from the textarea without losing typed text or the caret', async () => {
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  // Hold CodeMirror's bundle back until the reader has typed into the plain textarea.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/bundle\/editor\.[0-9a-f]{10}\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(state.server.url);
  await page.waitForFunction(() => document.body.dataset.mode === 'python' && document.body.dataset.ready === 'true');
  assert.equal(await page.evaluate(() => document.body.dataset.editor), undefined);
  const area = page.locator('textarea#source');
  await area.fill('x = 1\nprint(x)\n');
  // The caret after "x = 1": then the typing goes on there once CodeMirror has the text.
  await area.evaluate((a) => {
    a.focus();
    a.setSelectionRange(5, 5);
  });
  await page.keyboard.type('0');
  release();
  await page.waitForFunction(() => document.body.dataset.editor === 'codemirror');
  assert.equal(await getSource(page), 'x = 10\nprint(x)\n');
  await page.keyboard.type('0');
  assert.equal(await getSource(page), 'x = 100\nprint(x)\n');
  assert.equal(await page.locator(EDITOR).count(), 1);
  await runAndWait(page);
  assert.equal(await page.locator('pre.stdout').textContent(), '100\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a background warm-up gives way at once to the next request', async () => {
  const { page, context, problems } = await openClientPage(state);
  const out = await page.evaluate(async () => {
    const setup = 'N = N\n';
    const strategies = [
      { name: 'a', source: 'x = sum(range(5000))\n' },
      { name: 'b', source: 'y = [i * i for i in range(5000)]\n' },
    ];
    const warm = await window.client.call('warmUp', { setup, strategies, n: 10 });
    // Asked while the warm-up runs: answered (not Busy), with its own lab's data.
    const run = await window.client.call('runPython', { source: 'print(6 * 7)' });
    const compared = await window.client.call('compare', { setup, strategies, n: 10, repetitions: 3, budgetMs: 0 });
    return { warm, stdout: run.stdout, repetitions: compared.repetitions };
  });
  assert.equal(out.warm, null);
  assert.equal(out.stdout, '42\n');
  assert.equal(out.repetitions, 3, JSON.stringify(out));
  assert.deepEqual(problems, []);
  await context.close();
});
