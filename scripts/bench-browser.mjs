// Browser benchmarks of the raw-SQL runner, in headless Chromium, inside a module Web Worker:
// our core vs sql.js (same page, same worker), wasm size, bytes transferred, cold/warm start.
//
//   node scripts/bench-browser.mjs [--quick] [--variant NAME=DIR ...] [--reps N]
//
// --quick: N = 1,000 and one repetition (results in bench/results/browser-quick.json); otherwise
// N = 1,000 / 10,000 / 100,000 with 5 interleaved repetitions (bench/results/browser-latest.json).
// --variant adds another build of web/pkg (a folder holding sessionlab.js + sessionlab_bg.wasm):
// its size, cold start and raw-UPDATE speed are measured interleaved with the main build.
// Every comparison comes from one run with interleaved repetitions (A B A B …): median, min–max.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { pyodideBench, pyodideMarkdown } from './bench-pyodide.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The site the reader benchmarks serve (another build's dist/ to compare against).
const DIST = resolve(process.env.SESSIONLAB_DIST ?? join(ROOT, 'dist'));
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

// Our runner's statement splitter is quadratic today (each statement's line/column is counted
// from the start of the source): 10,000 statements take seconds, 100,000 would take minutes, so
// the single-row UPDATE text is only run up to this N (the table shows – beyond it).
const OURS_SINGLES_MAX_N = 10000;
// Other builds (--variant) run the single-row text at N = 1,000 only.
const VARIANT_SINGLES_MAX_N = 1000;

// ---------- statistics ----------
function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}
const fmt = (s, d = 2) =>
  s ? (s.n > 1 ? `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})` : s.median.toFixed(d)) : '–';
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;

export function sizes(file) {
  const buf = readFileSync(file);
  return {
    raw: buf.length,
    gzip6: gzipSync(buf, { level: 6 }).length,
    gzip9: gzipSync(buf, { level: 9 }).length,
    brotli11: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// ---------- static server (127.0.0.1, gzip like a CDN, ETag revalidation, byte counting) ----------
function startServer(mounts) {
  const gz = new Map();
  const counter = { bytes: 0, requests: [] };
  const resolveFile = (urlPath) => {
    for (const [prefix, dir] of mounts) {
      if (!urlPath.startsWith(prefix)) continue;
      const full = normalize(join(dir, urlPath.slice(prefix.length)));
      if (full !== dir && !full.startsWith(dir + sep)) return null;
      return full;
    }
    return null;
  };
  const body = (file) => {
    // sql.js ships a UMD script; a module worker imports it through this ESM wrapper.
    if (file.endsWith('sql-wasm.mjs')) {
      return Buffer.concat([
        Buffer.from('var module;\n'),
        readFileSync(file.replace(/\.mjs$/, '.js')),
        Buffer.from('\nexport default initSqlJs;\n'),
      ]);
    }
    return readFileSync(file);
  };
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = resolveFile(urlPath);
    let data;
    try {
      if (!file) throw new Error('no mount');
      if (!file.endsWith('sql-wasm.mjs')) statSync(file);
      data = body(file);
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(data).digest('hex').slice(0, 16)}"`;
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      counter.requests.push({ url: urlPath, status: 304, bytes: 0 });
      return;
    }
    let out = data;
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gz.has(etag)) gz.set(etag, gzipSync(data, { level: 6 }));
      out = gz.get(etag);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = out.length;
    res.writeHead(200, headers).end(out);
    counter.bytes += out.length;
    counter.requests.push({ url: urlPath, status: 200, bytes: out.length, raw: data.length });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${server.address().port}`,
        counter,
        close: () => new Promise((c) => server.close(c)),
      }),
    ),
  );
}

// ---------- benchmarks ----------
async function speed(browser, base, { ns, reps, variants }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(`${base}/bench/browser/index.html`);
  await page.waitForFunction(() => window.benchReady === true);
  await page.evaluate(() => window.spawn('main', 'pkg=/pkg/&sqljs=1'));
  for (const name of Object.keys(variants)) {
    await page.evaluate(([n, q]) => window.spawn(n, q), [name, `pkg=/v/${name}/`]);
  }
  const run = (worker, task, n) => page.evaluate(([w, t, x]) => window.run(w, t, x), [worker, task, n]);
  const info = await run('main', 'info', 0);
  // Warm-up round (JIT, allocator growth), not recorded.
  for (const t of ['oursRaw', 'oursSetup', 'oursSingles', 'sqljsRaw', 'sqljsSingles', 'sqljsSinglesText'])
    await run('main', t, 1000);
  for (const name of Object.keys(variants)) await run(name, 'oursRaw', 1000);

  const results = {};
  for (const n of ns) {
    const raw = {
      oursRaw: [],
      oursSetup: [],
      oursSingles: [],
      sqljsRaw: [],
      sqljsSingles: [],
      sqljsSinglesText: [],
      variants: {},
    };
    for (const name of Object.keys(variants)) raw.variants[name] = [];
    for (let r = 0; r < reps; r++) {
      raw.oursRaw.push(await run('main', 'oursRaw', n));
      raw.sqljsRaw.push(await run('main', 'sqljsRaw', n));
      for (const name of Object.keys(variants)) {
        const v = { raw: await run(name, 'oursRaw', n), mainRaw: raw.oursRaw.at(-1) };
        // N single-row UPDATEs per build too (wall time: parse/split, serialisation).
        if (n <= VARIANT_SINGLES_MAX_N) {
          v.mainSingles = await run('main', 'oursSingles', n);
          v.singles = await run(name, 'oursSingles', n);
        }
        raw.variants[name].push(v);
      }
      raw.oursSetup.push(await run('main', 'oursSetup', n));
      raw.oursSingles.push(n <= OURS_SINGLES_MAX_N ? await run('main', 'oursSingles', n) : { sqlMs: NaN, wallMs: NaN });
      raw.sqljsSingles.push(await run('main', 'sqljsSingles', n));
      raw.sqljsSinglesText.push(await run('main', 'sqljsSinglesText', n));
      process.stderr.write(`  N=${n} rep ${r + 1}/${reps}\n`);
    }
    const per = (arr, k) => arr.map((x) => x[k]);
    const oursSinglesNet = raw.oursSingles.map((x, i) => x.wallMs - raw.oursSetup[i].wallMs);
    results[n] = {
      oursRawUpdateMs: stats(per(raw.oursRaw, 'updateMs')),
      oursRawCallWallMs: stats(per(raw.oursRaw, 'wallMs')),
      sqljsRawUpdateMs: stats(per(raw.sqljsRaw, 'updateMs')),
      sqljsRawWallMs: stats(per(raw.sqljsRaw, 'wallMs')),
      ratioRawUpdate: stats(raw.oursRaw.map((x, i) => x.updateMs / raw.sqljsRaw[i].updateMs)),
      oursSinglesSqlMs: stats(per(raw.oursSingles, 'sqlMs')),
      oursSinglesCallWallMs: stats(per(raw.oursSingles, 'wallMs')),
      oursSetupCallWallMs: stats(per(raw.oursSetup, 'wallMs')),
      oursSinglesNetWallMs: stats(oursSinglesNet),
      sqljsSinglesPreparedMs: stats(per(raw.sqljsSingles, 'loopMs')),
      sqljsSinglesExecTextMs: stats(per(raw.sqljsSinglesText, 'execMs')),
      ratioSinglesNetVsPrepared: stats(oursSinglesNet.map((x, i) => x / raw.sqljsSingles[i].loopMs)),
      ratioSinglesNetVsExecText: stats(oursSinglesNet.map((x, i) => x / raw.sqljsSinglesText[i].execMs)),
      ratioSinglesSqlVsPrepared: stats(raw.oursSingles.map((x, i) => x.sqlMs / raw.sqljsSingles[i].loopMs)),
      variants: Object.fromEntries(
        Object.keys(variants).map((name) => [
          name,
          {
            rawUpdateMs: stats(raw.variants[name].map((x) => x.raw.updateMs)),
            ratioVsMain: stats(raw.variants[name].map((x) => x.raw.updateMs / x.mainRaw.updateMs)),
            rawCallWallRatioVsMain: stats(raw.variants[name].map((x) => x.raw.wallMs / x.mainRaw.wallMs)),
            singlesWallMs: stats(raw.variants[name].map((x) => x.singles?.wallMs)),
            singlesWallRatioVsMain: stats(
              raw.variants[name].map((x) => (x.singles ? x.singles.wallMs / x.mainSingles.wallMs : NaN)),
            ),
          },
        ]),
      ),
    };
  }
  await context.close();
  return { info, results };
}

const STRATEGIES = [
  'iterate',
  'query_update_false',
  'query_update_evaluate',
  'query_update_fetch',
  'core_update',
  'bulk_by_pk',
  'raw_sql',
];

/** Every update strategy at every N, interleaved per repetition, in one worker. */
async function strategies(browser, base, { ns, reps }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(`${base}/bench/browser/index.html`);
  await page.waitForFunction(() => window.benchReady === true);
  await page.evaluate(() => window.spawn('main', 'pkg=/pkg/'));
  const run = (s, n) => page.evaluate(([x, y]) => window.run('main', 'strategy', y, x), [s, n]);
  for (const s of STRATEGIES) await run(s, 1000);
  const results = {};
  for (const n of ns) {
    const raw = Object.fromEntries(STRATEGIES.map((s) => [s, []]));
    for (let r = 0; r < reps; r++) {
      for (const s of STRATEGIES) raw[s].push(await run(s, n));
      process.stderr.write(`  strategies N=${n} rep ${r + 1}/${reps}\n`);
    }
    const per = (s, k) => stats(raw[s].map((x) => x[k]));
    const ratio = (a, b) => stats(raw[a].map((x, i) => x.total_ms / raw[b][i].total_ms));
    results[n] = {
      strategies: Object.fromEntries(
        STRATEGIES.map((s) => [
          s,
          {
            totalMs: per(s, 'total_ms'),
            sqliteMs: per(s, 'sqlite_ms'),
            pythonMs: per(s, 'python_ms'),
            statements: raw[s][0].statements,
          },
        ]),
      ),
      // Bulk strategies over our raw SQL (the floor is 1.0), and iterate over one UPDATE.
      ratios: {
        coreOverRaw: ratio('core_update', 'raw_sql'),
        queryUpdateFalseOverRaw: ratio('query_update_false', 'raw_sql'),
        bulkByPkOverRaw: ratio('bulk_by_pk', 'raw_sql'),
        iterateOverQueryUpdate: ratio('iterate', 'query_update_false'),
      },
    };
  }
  await context.close();
  return results;
}

/**
 * The same strategies with real SQLAlchemy on native CPython: a venv in target/ with
 * SQLAlchemy 2.1.9 (or $SESSIONLAB_BENCH_PYTHON); skipped with a note when that cannot be had.
 */
function cpythonStrategies({ ns, reps, quick }) {
  let python = process.env.SESSIONLAB_BENCH_PYTHON;
  if (!python && quick) return { skipped: 'not in the quick smoke run' };
  if (!python) {
    const venv = join(ROOT, 'target', 'bench-venv');
    python = join(venv, 'bin', 'python');
    const has = spawnSync(python, ['-c', 'import sqlalchemy'], { encoding: 'utf8' }).status === 0;
    if (!has) {
      process.stderr.write('creating target/bench-venv with SQLAlchemy 2.1.9…\n');
      const mk = spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8' });
      const pip =
        mk.status === 0 &&
        spawnSync(join(venv, 'bin', 'pip'), ['install', '-q', 'sqlalchemy==2.1.9'], { encoding: 'utf8' }).status === 0;
      if (!pip) return { skipped: 'python3 with `pip install sqlalchemy==2.1.9` is not available on this machine' };
    }
  }
  const script = join(ROOT, 'bench', 'strategies', 'run_sqlalchemy.py');
  const version = spawnSync(
    python,
    ['-c', 'import sqlalchemy, sys; print(sqlalchemy.__version__, sys.version.split()[0])'],
    {
      encoding: 'utf8',
    },
  ).stdout.trim();
  const results = {};
  for (const n of ns) {
    const raw = Object.fromEntries(STRATEGIES.map((s) => [s, []]));
    for (let r = 0; r < reps; r++) {
      for (const s of STRATEGIES) {
        const out = spawnSync(python, [script, `${s}.py`, String(n)], { encoding: 'utf8', timeout: 600_000 });
        if (out.status !== 0) return { skipped: `SQLAlchemy run failed: ${out.stderr.trim().split('\n').at(-1)}` };
        raw[s].push(JSON.parse(out.stdout));
      }
      process.stderr.write(`  CPython N=${n} rep ${r + 1}/${reps}\n`);
    }
    results[n] = Object.fromEntries(STRATEGIES.map((s) => [s, stats(raw[s].map((x) => x.total_ms))]));
  }
  return { version, results };
}

async function startup(browser, base, server, { reps, pkgs }) {
  const out = Object.fromEntries(
    Object.keys(pkgs).map((k) => [k, { cold: [], coldBytes: [], prime: [], warm: [], warmBytes: [], coldDetail: [] }]),
  );
  let requests = null;
  const nav = async (page, prefix) => {
    server.counter.bytes = 0;
    server.counter.requests = [];
    await page.goto(`${base}/bench/browser/ready.html?pkg=${encodeURIComponent(prefix)}`);
    await page.waitForFunction(() => window.readyAt !== undefined || window.readyError !== undefined, null, {
      timeout: 60000,
    });
    const r = await page.evaluate(() => ({ at: window.readyAt, info: window.readyInfo, error: window.readyError }));
    if (r.error) throw new Error(r.error);
    return { ms: r.at, info: r.info, bytes: server.counter.bytes, requests: server.counter.requests.slice() };
  };
  for (let r = 0; r < reps; r++) {
    for (const [name, prefix] of Object.entries(pkgs)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const cold = await nav(page, prefix);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
      const prime = await nav(page, prefix);
      const warm = await nav(page, prefix);
      const o = out[name];
      o.cold.push(cold.ms);
      o.coldBytes.push(cold.bytes);
      o.coldDetail.push(cold.info);
      o.prime.push(prime.ms);
      o.warm.push(warm.ms);
      o.warmBytes.push(warm.bytes);
      if (name === 'main' && !requests) requests = cold.requests;
      await context.close();
    }
  }
  const res = {};
  for (const [name, o] of Object.entries(out)) {
    res[name] = {
      coldMs: stats(o.cold),
      coldBytes: stats(o.coldBytes),
      coldInitMs: stats(o.coldDetail.map((d) => d.initMs)),
      coldImportMs: stats(o.coldDetail.map((d) => d.importMs)),
      coldLabMs: stats(o.coldDetail.map((d) => d.labMs)),
      secondVisitMs: stats(o.prime),
      warmMs: stats(o.warm),
      warmBytes: stats(o.warmBytes),
    };
  }
  return { pages: res, mainColdRequests: requests, element: await elementStartup(browser, base, server, { reps }) };
}

/** The embedded element: bytes and time until its engine is ready and its first run is done. */
async function elementStartup(browser, base, server, { reps }) {
  const samples = { readyMs: [], firstRunMs: [], coldBytes: [], warmFirstRunMs: [], warmBytes: [] };
  const visit = async (page) => {
    server.counter.bytes = 0;
    await page.goto(`${base}/bench/browser/embed.html`);
    await page.waitForFunction(() => window.firstRunAt !== undefined, null, { timeout: 60000 });
    const r = await page.evaluate(() => ({
      ready: window.readyAt,
      run: window.firstRunAt,
      error: window.firstRunError,
    }));
    if (r.error) throw new Error(r.error);
    return { ...r, bytes: server.counter.bytes };
  };
  for (let r = 0; r < reps; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const cold = await visit(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await visit(page);
    const warm = await visit(page);
    samples.readyMs.push(cold.ready);
    samples.firstRunMs.push(cold.run);
    samples.coldBytes.push(cold.bytes);
    samples.warmFirstRunMs.push(warm.run);
    samples.warmBytes.push(warm.bytes);
    await context.close();
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
}

// ---------- what the reader waits for: the real page, served by the project's server ----------

/**
 * Records, in the page's own clock (ms after navigation), when the engine said ready and when
 * the first run finished (the attributes the page sets: data-ready, data-runs), so no polling
 * delay is counted; clicks Run the moment it is enabled, as a reader would; and says so on the
 * console. Injected before any of the page's scripts. The harness only listens to the console
 * until the run is done: Playwright's own page scripts (waitForFunction, click) cost the page's
 * main thread about 90 ms on this machine, which a reader never pays.
 */
function recordMilestones() {
  new MutationObserver(() => {
    const body = document.body;
    if (!body) return;
    if (body.dataset.ready === 'true' && window.__readyAt === undefined) {
      window.__readyAt = performance.now();
      const run = document.getElementById('run');
      const click = () => (run.disabled ? requestAnimationFrame(click) : run.click());
      click();
    }
    if (Number(body.dataset.runs ?? 0) > 0 && window.__firstRunAt === undefined) {
      window.__firstRunAt = performance.now();
      console.debug('sessionlab-bench: first run done');
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-runs'] });
}

/** Resolves when the page logs `text` on its console (no script is injected into the page). */
function consoleSays(page, text, timeout = 60000) {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the page never logged '${text}'`)), timeout);
    page.on('console', (m) => {
      if (m.text() === text) {
        clearTimeout(timer);
        resolvePromise();
      }
    });
  });
}

/** A build's site served by scripts/serve.mjs, with the log of what it sent. */
async function siteServer(root) {
  const { serve } = await import('./serve.mjs');
  const log = [];
  const server = await serve({ root, onResponse: (r) => log.push(r) });
  return { ...server, log };
}

/**
 * One fresh browser profile (a new context: empty caches) on the page: navigation → engine
 * ready, → the first Run of the default script finished (Run clicked as soon as it is enabled),
 * and the bytes sent for the requests made before ready.
 */
async function pageOnce(browser, site) {
  const context = await browser.newContext();
  await context.addInitScript(recordMilestones);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  site.log.length = 0;
  const done = consoleSays(page, 'sessionlab-bench: first run done');
  await page.goto(site.url, { waitUntil: 'commit' });
  await done;
  const marks = await page.evaluate(() => ({
    ready: window.__readyAt,
    run: window.__firstRunAt,
    error: document.getElementById('results').querySelector('[role=alert]')?.textContent ?? null,
  }));
  await context.close();
  if (marks.error) throw new Error(`the default script failed: ${marks.error}`);
  // Server and page share this machine's clock: the document's request opens the window.
  const start = site.log.find((x) => x.url === '/')?.at ?? site.log[0].at;
  const before = site.log.filter((x) => x.at - start <= marks.ready);
  return {
    readyMs: marks.ready,
    firstRunMs: marks.run,
    bytesBeforeReady: before.reduce((n, x) => n + x.bytes, 0),
    requestsBeforeReady: before.length,
    totalBytes: site.log.reduce((n, x) => n + x.bytes, 0),
    requests: site.log.map(({ url, bytes, encoding, at }) => ({ url, bytes, encoding, atMs: at - start })),
  };
}

/** One fresh profile on a page holding one `<session-lab autorun>` (the compare lesson's iterate, N = 1000). */
async function elementOnce(browser, site) {
  const lesson = (f) => readFileSync(join(ROOT, 'web', 'lessons', 'compare', f), 'utf8');
  const html = `<!doctype html><meta charset="utf-8"><title>one example</title><body>
<script type="module">
  const lab = document.querySelector('session-lab');
  lab.addEventListener('run', (e) => {
    window.firstRunAt ??= performance.now();
    window.firstRunError = e.detail.error ? e.detail.error.type + ': ' + e.detail.error.message : null;
    console.debug('sessionlab-bench: first run done');
  });
  new MutationObserver(() => { if (lab.dataset.ready) window.readyAt ??= performance.now(); }).observe(lab, { attributes: true });
</script>
<script type="module" src="/web/element.js"></script>
<session-lab rows="1000" autorun>
<script type="text/x-python" data-role="setup">${lesson('setup.py')}</script>
<script type="text/x-python" data-strategy="Iterate">${lesson('iterate.py')}</script>
</session-lab></body>`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = `${site.url}bench-element.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  site.log.length = 0;
  const done = consoleSays(page, 'sessionlab-bench: first run done');
  await page.goto(url, { waitUntil: 'commit' });
  await done;
  const x = await page.evaluate(() => ({ ready: window.readyAt, run: window.firstRunAt, error: window.firstRunError }));
  await context.close();
  if (x.error) throw new Error(x.error);
  return { readyMs: x.ready, firstRunMs: x.run, bytes: site.log.reduce((n, e) => n + e.bytes, 0) };
}

/**
 * `clicks` clicks of Compare all on the compare lesson at N in one fresh page: each click's
 * per-strategy medians (builds before the repetitions: the single time) and repetitions.
 */
async function compareOnce(browser, site, { clicks, n = 1000 }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout: 60000 });
  await page.selectOption('#lesson', { label: 'Compare the three methods side by side' });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab[data-tab]').length === 4);
  await page.fill('#n', String(n));
  await page.locator('#n').dispatchEvent('change');
  const perClick = [];
  for (let c = 0; c < clicks; c++) {
    const before = Number((await page.evaluate(() => document.body.dataset.runs)) ?? 0);
    await page.click('#compare');
    await page.waitForFunction((k) => Number(document.body.dataset.runs ?? 0) > k, before, { timeout: 120000 });
    perClick.push(
      await page.evaluate(() => ({
        repetitions: Number(document.querySelector('table.compare').dataset.repetitions ?? 1),
        medians: Object.fromEntries(
          [...document.querySelectorAll('table.compare tbody tr')].map((tr) => [
            tr.querySelector('th').textContent,
            Number(tr.dataset.medianMs ?? Number.parseFloat(tr.querySelector('td').textContent)),
          ]),
        ),
      })),
    );
  }
  await context.close();
  return perClick;
}

/** The first click against the steady state (the median of the later clicks), per page. */
function compareSummary(runs, n, clicks) {
  const names = Object.keys(runs[0][0].medians);
  const ratioOf = (click) => click.medians['Iterate + commit'] / click.medians['Query.update'];
  const pages = runs.map((clicksOfPage) => {
    const ratios = clicksOfPage.map(ratioOf);
    const ratioMedian = stats(ratios).median;
    return {
      ratios,
      repetitions: clicksOfPage.map((c) => c.repetitions),
      medians: clicksOfPage.map((c) => c.medians),
      // Every click's ratio against the median of the page's clicks (the acceptance's ±30%).
      worstRatioDeviation: Math.max(...ratios.map((x) => Math.abs(x / ratioMedian - 1))),
      firstOverSteady: Object.fromEntries(
        names.map((name) => [
          name,
          clicksOfPage[0].medians[name] / stats(clicksOfPage.slice(1).map((c) => c.medians[name])).median,
        ]),
      ),
    };
  });
  return {
    n,
    clicks,
    pages,
    firstOverSteady: Object.fromEntries(names.map((name) => [name, stats(pages.map((x) => x.firstOverSteady[name]))])),
    worstRatioDeviation: stats(pages.map((x) => x.worstRatioDeviation)),
  };
}

/**
 * What the reader waits for, for each build (`{name: dist dir}`), the builds interleaved in
 * every repetition (A B A B …): the page, the element, and Compare all's first clicks.
 */
async function readerSuite(browser, { quick, builds = { main: DIST }, reps: repsOpt, compare = true }) {
  const reps = repsOpt ?? (quick ? 1 : 5);
  const pages = compare ? (quick ? 1 : 2) : 0;
  const clicks = quick ? 2 : 5;
  const sites = {};
  for (const [name, dir] of Object.entries(builds)) sites[name] = await siteServer(dir);
  const raw = Object.fromEntries(Object.keys(sites).map((k) => [k, { page: [], element: [], compare: [] }]));
  try {
    for (let r = 0; r < reps; r++) {
      for (const [name, site] of Object.entries(sites)) {
        raw[name].page.push(await pageOnce(browser, site));
        raw[name].element.push(await elementOnce(browser, site));
      }
      process.stderr.write(`  the page and the element: repetition ${r + 1}/${reps}\n`);
    }
    for (let p = 0; p < pages; p++) {
      for (const [name, site] of Object.entries(sites))
        raw[name].compare.push(await compareOnce(browser, site, { clicks }));
      process.stderr.write(`  Compare all, ${clicks} clicks: page ${p + 1}/${pages}\n`);
    }
  } finally {
    for (const site of Object.values(sites)) await site.close();
  }
  const summary = (list, keys) => Object.fromEntries(keys.map((k) => [k, stats(list.map((x) => x[k]))]));
  return Object.fromEntries(
    Object.entries(raw).map(([name, x]) => [
      name,
      {
        dist: builds[name],
        page: {
          ...summary(x.page, ['readyMs', 'firstRunMs', 'bytesBeforeReady', 'requestsBeforeReady', 'totalBytes']),
          requests: x.page[0].requests,
        },
        element: summary(x.element, ['readyMs', 'firstRunMs', 'bytes']),
        compare: x.compare.length ? compareSummary(x.compare, 1000, clicks) : null,
      },
    ]),
  );
}

export async function benchBrowser({ quick = false, variants = {}, reps: repsOpt } = {}) {
  const { chromium } = await import('playwright-core');
  const pkgDir = join(ROOT, 'web', 'pkg');
  statSync(join(pkgDir, 'sessionlab_bg.wasm'));
  const ns = quick ? [1000] : [1000, 10000, 100000];
  const reps = repsOpt ?? (quick ? 1 : 5);
  const mounts = [
    ['/bench/browser/', join(ROOT, 'bench', 'browser')],
    ['/bench/strategies/', join(ROOT, 'bench', 'strategies')],
    ['/web/', join(ROOT, 'web')],
    ['/pkg/', pkgDir],
    ['/sqljs/', join(ROOT, 'node_modules', 'sql.js', 'dist')],
    ['/dist/', join(ROOT, 'dist')],
    ...Object.entries(variants).map(([name, dir]) => [`/v/${name}/`, resolve(dir)]),
  ];
  const server = await startServer(mounts);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const size = {
      main: { wasm: sizes(join(pkgDir, 'sessionlab_bg.wasm')), js: sizes(join(pkgDir, 'sessionlab.js')) },
      sqljs: {
        wasm: sizes(join(ROOT, 'node_modules/sql.js/dist/sql-wasm.wasm')),
        js: sizes(join(ROOT, 'node_modules/sql.js/dist/sql-wasm.js')),
      },
    };
    for (const [name, dir] of Object.entries(variants))
      size[name] = { wasm: sizes(join(dir, 'sessionlab_bg.wasm')), js: sizes(join(dir, 'sessionlab.js')) };
    const reader = await readerSuite(browser, { quick });
    process.stderr.write('startup…\n');
    const pkgs = { main: '/pkg/', ...Object.fromEntries(Object.keys(variants).map((k) => [k, `/v/${k}/`])) };
    const start = await startup(browser, server.url, server, { reps: quick ? 1 : reps, pkgs });
    process.stderr.write('speed…\n');
    const sp = await speed(browser, server.url, { ns, reps, variants });
    process.stderr.write('strategies…\n');
    const strat = await strategies(browser, server.url, { ns, reps });
    process.stderr.write('SQLAlchemy on CPython…\n');
    const cpython = cpythonStrategies({ ns, reps, quick });
    // Real SQLAlchemy in Pyodide (the page's second engine), when the build has it; not in --quick.
    const withPyodide = !quick && existsSync(join(ROOT, 'dist', 'web', 'pyodide.json'));
    if (withPyodide) process.stderr.write('SQLAlchemy in Pyodide…\n');
    const pyodide = withPyodide
      ? await pyodideBench(browser, server.url, server.counter, { reps: Math.min(reps, 3) })
      : null;
    return {
      date: new Date().toISOString(),
      quick,
      reps,
      chromium: browser.version(),
      notes:
        'ms; median (min–max) of interleaved repetitions in one run; ratios computed per repetition. Transfer: gzip level 6 bodies, 127.0.0.1.',
      engine: sp.info,
      reader,
      size,
      startup: start,
      speed: sp.results,
      strategies: strat,
      cpython,
      pyodide,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The reader's wait, per build: the page and the element, fresh profiles, scripts/serve.mjs. */
export function readerMarkdown(reader) {
  const builds = Object.entries(reader);
  const first = builds[0][1];
  const lines = [
    `What the reader waits for (\`dist/\` served by \`scripts/serve.mjs\` on 127.0.0.1; ${first.page.readyMs.n} fresh browser profiles per build, builds interleaved; ms after navigation, median (min–max)):`,
    '',
    '| build | page | engine ready | first run finished | transferred before ready | requests before ready | transferred in all |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, { page: p, element: e }] of builds) {
    lines.push(
      `| ${name} | index.html (Run clicked when enabled) | ${fmt(p.readyMs, 0)} | ${fmt(p.firstRunMs, 0)} | ${kb(p.bytesBeforeReady.median)} | ${p.requestsBeforeReady.median} | ${kb(p.totalBytes.median)} |`,
      `| ${name} | one \`<session-lab autorun>\` | ${fmt(e.readyMs, 0)} | ${fmt(e.firstRunMs, 0)} | – | – | ${kb(e.bytes.median)} |`,
    );
  }
  const c = first.compare;
  if (!c) return lines.join('\n');
  lines.push(
    '',
    `Compare all on “Compare the three methods side by side” at N = ${c.n}, ${c.clicks} clicks in each fresh page:`,
    '',
    '| build | page | repetitions per click | iterate / Query.update per click | worst click vs the page’s median | first click / steady state (iterate, Query.update, Core) |',
    '|---|---|---|---|---|---|',
  );
  for (const [name, { compare }] of builds) {
    compare.pages.forEach((x, i) =>
      lines.push(
        `| ${name} | ${i + 1} | ${x.repetitions.join(', ')} | ${x.ratios.map((v) => v.toFixed(1)).join(', ')} | ±${(100 * x.worstRatioDeviation).toFixed(0)}% | ${Object.values(
          x.firstOverSteady,
        )
          .map((v) => v.toFixed(2))
          .join(', ')} |`,
      ),
    );
  }
  return lines.join('\n');
}

export function markdown(r) {
  const lines = [];
  lines.push(
    `## Browser bench (${r.chromium}, ${r.quick ? 'quick' : `${r.reps} reps`}; ${r.engine.version}; sql.js SQLite ${r.engine.sqljsVersion})`,
    '',
  );
  if (r.reader) lines.push(readerMarkdown(r.reader), '');
  lines.push(
    '| build | wasm raw | wasm gzip-6 | wasm gzip-9 | wasm brotli | js gzip | cold transfer | bare-worker cold start ms | warm start ms | warm transfer |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const [name, s] of Object.entries(r.size)) {
    const st = r.startup.pages[name];
    lines.push(
      `| ${name} | ${kb(s.wasm.raw)} | ${kb(s.wasm.gzip6)} | ${kb(s.wasm.gzip9)} | ${kb(s.wasm.brotli11)} | ${kb(s.js.gzip6)} | ${st ? kb(st.coldBytes.median) : '–'} | ${st ? fmt(st.coldMs, 0) : '–'} | ${st ? fmt(st.warmMs, 0) : '–'} | ${st ? kb(st.warmBytes.median) : '–'} |`,
    );
  }
  const el = r.startup.element;
  lines.push(
    '',
    `Embedded element (one \`<session-lab autorun>\` with the iterate example at N = 1000, cold cache): ${kb(el.coldBytes.median)} transferred, engine ready at ${fmt(el.readyMs, 0)} ms, first run finished at ${fmt(el.firstRunMs, 0)} ms after navigation; warm cache: ${kb(el.warmBytes.median)}, first run at ${fmt(el.warmFirstRunMs, 0)} ms.`,
  );
  const m = r.startup.pages.main;
  lines.push(
    '',
    `Cold start breakdown (main, in worker): import ${fmt(m.coldImportMs, 1)} ms, init (fetch+compile+instantiate) ${fmt(m.coldInitMs, 1)} ms, new Lab ${fmt(m.coldLabMs, 1)} ms.`,
    '',
  );
  lines.push(
    '| N | ours UPDATE ms | sql.js UPDATE ms | **ours/sql.js raw** | ours call wall ms | ours N singles net wall ms | ours singles SQL-only ms | sql.js prepared loop ms | sql.js exec(text) ms | **ours/sql.js singles (vs prepared)** | ours/sql.js singles (vs exec text) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const [n, s] of Object.entries(r.speed)) {
    lines.push(
      `| ${n} | ${fmt(s.oursRawUpdateMs)} | ${fmt(s.sqljsRawUpdateMs)} | ${fmt(s.ratioRawUpdate)} | ${fmt(s.oursRawCallWallMs)} | ${fmt(s.oursSinglesNetWallMs)} | ${fmt(s.oursSinglesSqlMs)} | ${fmt(s.sqljsSinglesPreparedMs)} | ${fmt(s.sqljsSinglesExecTextMs)} | ${fmt(s.ratioSinglesNetVsPrepared)} | ${fmt(s.ratioSinglesNetVsExecText)} |`,
    );
  }
  lines.push(
    '',
    `Update strategies on stuff(id, foo) with N rows (ms, total of the strategy; SQLite / Python split; statements)${r.cpython.version ? `, and the same with SQLAlchemy ${r.cpython.version.replace(' ', ' on CPython ')}` : ` (SQLAlchemy on CPython skipped: ${r.cpython.skipped})`}:`,
    '',
    '| N | strategy | ours total | ours SQLite | ours Python | statements | SQLAlchemy total | SQLAlchemy / ours |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const [n, s] of Object.entries(r.strategies)) {
    for (const [name, x] of Object.entries(s.strategies)) {
      const theirs = r.cpython.results?.[n]?.[name];
      lines.push(
        `| ${n} | ${name} | ${fmt(x.totalMs)} | ${fmt(x.sqliteMs)} | ${fmt(x.pythonMs)} | ${x.statements} | ${theirs ? fmt(theirs) : '–'} | ${theirs ? (theirs.median / x.totalMs.median).toFixed(2) : '–'} |`,
      );
    }
  }
  lines.push(
    '',
    '| N | Core / raw SQL | query.update(False) / raw SQL | bulk by PK / raw SQL | iterate / query.update |',
    '|---|---|---|---|---|',
  );
  for (const [n, s] of Object.entries(r.strategies)) {
    const q = s.ratios;
    lines.push(
      `| ${n} | ${fmt(q.coreOverRaw)} | ${fmt(q.queryUpdateFalseOverRaw)} | ${fmt(q.bulkByPkOverRaw)} | ${fmt(q.iterateOverQueryUpdate)} |`,
    );
  }
  const vnames = Object.keys(Object.values(r.speed)[0].variants);
  if (vnames.length) {
    lines.push('', 'Builds vs main (ratios per interleaved repetition; <1 = faster than main):', '');
    lines.push(
      '| build | N | raw UPDATE ms | UPDATE / main | raw call wall / main | N singles wall ms | singles wall / main |',
      '|---|---|---|---|---|---|---|',
    );
    for (const v of vnames) {
      for (const [n, s] of Object.entries(r.speed)) {
        const x = s.variants[v];
        lines.push(
          `| ${v} | ${n} | ${fmt(x.rawUpdateMs)} | ${fmt(x.ratioVsMain)} | ${fmt(x.rawCallWallRatioVsMain)} | ${fmt(x.singlesWallMs, 1)} | ${fmt(x.singlesWallRatioVsMain)} |`,
        );
      }
    }
  }
  if (r.pyodide) lines.push(...pyodideMarkdown(r.pyodide));
  return lines.join('\n');
}

/** Only what the reader waits for (`--reader [--quick] [--against NAME=DIR]`): the page, the element, Compare all. */
export async function benchReader({ quick = false, against = {}, reps, compare = true } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const builds = { main: DIST, ...against };
  try {
    return {
      date: new Date().toISOString(),
      chromium: browser.version(),
      reader: await readerSuite(browser, { quick, builds, reps, compare }),
    };
  } finally {
    await browser.close();
  }
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url) &&
  process.argv.includes('--reader')
) {
  // --against NAME=DIR (repeatable): other builds' dist/ (say, main's before a change), interleaved with this one.
  const against = {};
  process.argv.forEach((a, i) => {
    if (a === '--against') {
      const [name, dir] = process.argv[i + 1].split('=');
      against[name] = resolve(dir);
    }
  });
  // --reps N: fresh profiles per build; --no-compare: only the page and the element.
  const repsAt = process.argv.indexOf('--reps');
  const result = await benchReader({
    quick: process.argv.includes('--quick'),
    against,
    reps: repsAt > 0 ? Number(process.argv[repsAt + 1]) : undefined,
    compare: !process.argv.includes('--no-compare'),
  });
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'reader-latest.json');
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(readerMarkdown(result.reader));
  console.log(`\nwritten ${file}`);
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const variants = {};
  let reps;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--variant') {
      const [name, dir] = argv[++i].split('=');
      variants[name] = dir;
    } else if (argv[i] === '--reps') reps = Number(argv[++i]);
  }
  const result = await benchBrowser({ quick, variants, reps });
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, quick ? 'browser-quick.json' : 'browser-latest.json');
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(markdown(result));
  console.log(`\nwritten ${file}`);
}
