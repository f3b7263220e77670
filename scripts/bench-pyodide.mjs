// The Pyodide engine in `npm run bench` (scripts/bench-browser.mjs): its cold and warm load
// (time to SQLAlchemy imported, and bytes over the wire), and the iterate / Query.update
// strategies at N = 1k and 10k in both engines in the same page, side by side. Pyodide's
// numbers are CPython-in-wasm's and are reported beside ours, never folded into our ratios.

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import { LabClient } from '/dist/web/client.js';
import { SqlalchemyClient } from '/dist/web/sqlalchemy-client.js';
window.load = async () => {
  const t0 = performance.now();
  const client = new SqlalchemyClient();
  await client.ready;
  const ms = performance.now() - t0;
  window.real?.worker.terminate();
  window.real = client;
  return ms;
};
window.ours = new LabClient();
await window.ours.ready;
window.setup = await (await fetch('/web/lessons/compare/setup.py')).text();
window.strategy = async (engine, name, n) => {
  const source = await (await fetch('/bench/strategies/' + name + '.py')).text();
  const client = engine === 'ours' ? window.ours : window.real;
  const report = await client.call('runStrategy', { setup: window.setup, strategy: source, n });
  if (report.error) throw new Error(name + ': ' + report.error.type + ': ' + report.error.message);
  return report.timing.total_ms;
};
document.body.dataset.ready = 'true';
</script><body></body>`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Runs the Pyodide bench; `counter` is the bench server's byte counter. */
export async function pyodideBench(browser, base, counter, { ns = [1000, 10000], reps = 3 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.route(`${base}/bench/pyodide.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${base}/bench/pyodide.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  const before = counter.bytes;
  const coldMs = await page.evaluate(() => window.load());
  const coldBytes = counter.bytes - before;
  // Warm: a second worker in the same browser context; the files revalidate (304) from its cache.
  const warm = [];
  let warmBytes = 0;
  for (let r = 0; r < Math.max(1, reps - 1); r++) {
    const at = counter.bytes;
    warm.push(await page.evaluate(() => window.load()));
    warmBytes = counter.bytes - at;
  }
  const strategies = {};
  for (const name of ['iterate', 'query_update_false']) {
    for (const engine of ['ours', 'sqlalchemy'])
      await page.evaluate(([e, s]) => window.strategy(e, s, 100), [engine, name]);
    for (const n of ns) {
      const times = { ours: [], sqlalchemy: [] };
      for (let r = 0; r < reps; r++) {
        for (const engine of ['ours', 'sqlalchemy']) {
          times[engine].push(await page.evaluate(([e, s, k]) => window.strategy(e, s, k), [engine, name, n]));
        }
      }
      strategies[`${name}@${n}`] = { name, n, oursMs: median(times.ours), sqlalchemyMs: median(times.sqlalchemy) };
      process.stderr.write(`  pyodide ${name} N=${n}\n`);
    }
  }
  await context.close();
  return { coldMs, coldBytes, warmMs: median(warm), warmBytes, strategies: Object.values(strategies) };
}

/** The bench's Markdown lines for the Pyodide engine. */
export function pyodideMarkdown(p) {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [
    '',
    `Real SQLAlchemy in Pyodide (the page's second engine, loaded on demand): cold load ${(p.coldMs / 1000).toFixed(2)} s, ${kib(p.coldBytes)} transferred (gzip); warm ${(p.warmMs / 1000).toFixed(2)} s, ${kib(p.warmBytes)}.`,
    '',
    '| N | strategy | ours total ms | SQLAlchemy in Pyodide ms | Pyodide / ours |',
    '|---|---|---|---|---|',
  ];
  for (const s of p.strategies) {
    lines.push(
      `| ${s.n} | ${s.name} | ${s.oursMs.toFixed(2)} | ${s.sqlalchemyMs.toFixed(2)} | ${(s.sqlalchemyMs / s.oursMs).toFixed(2)} |`,
    );
  }
  return lines;
}
