// `sessionlab render`: docs pages get each example's output and SQL as static HTML at build
// time, idempotently; `--check` fails when an example no longer runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderPage } from '../../bin/sessionlab.mjs';

const PAGE = readFileSync(new URL('../../web/demo.html', import.meta.url), 'utf8');

test('render writes each example’s output and SQL into the page, once', async () => {
  const first = await renderPage(PAGE);
  assert.equal(first.examples, 2);
  assert.deepEqual(first.failures, []);
  assert.match(
    first.html,
    /<pre class="sql">UPDATE stuff SET foo=\? WHERE stuff\.id = \?<\/pre><code class="params">1000 parameter sets: \[\(1, 1\), \(2, 2\), \(3, 3\), …\]<\/code>/,
  );
  assert.match(
    first.html,
    /<pre class="sql">UPDATE stuff SET foo=\(stuff\.foo \+ \?\)<\/pre><code class="params">\(1,\)<\/code>/,
  );
  assert.match(first.html, /<pre class="output">\['Rex', 'Tom'\]\n<\/pre>/);
  assert.ok(first.html.startsWith('<!doctype html>') && first.html.trimEnd().endsWith('</html>'));
  const again = await renderPage(first.html);
  assert.equal(again.html, first.html, 'rendering a rendered page changes nothing');
});

test('render --check fails on an example that raises', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sessionlab-render-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, '<session-lab><pre><code>import nope\n</code></pre></session-lab>');
  const cli = new URL('../../bin/sessionlab.mjs', import.meta.url).pathname;
  const run = spawnSync(process.execPath, [cli, 'render', page, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /example 1 \(Script\): ModuleNotFoundError: No module named 'nope'/);
  // A module SessionLab lacks: the report says the real engine (SQLAlchemy in Pyodide) is needed.
  assert.match(run.stderr, /No module named 'nope' \[needs the real engine/);
});
