// The docs integrations in a browser: the sample Sphinx (Furo) and MkDocs (Material) sites of
// tests/docs-sites, built with the wheel from dist/python in target/docs-venv, served on
// 127.0.0.1. An example keeps the page's highlighted block until edited and runs without
// editing, the theme toggles drive the element, the pre-rendered output is there without
// JavaScript, and a page of 20 examples loads the wasm once, when the first comes into view.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { screenshot, useBrowser } from './base.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const python = join(root, 'target', 'docs-venv', 'bin', 'python');
const wheels = existsSync(join(root, 'dist', 'python'))
  ? readdirSync(join(root, 'dist', 'python')).filter((f) => f.endsWith('.whl'))
  : [];
const missing = !existsSync(python)
  ? 'no target/docs-venv (node scripts/setup.mjs --tests)'
  : !wheels.length && 'no wheel in dist/python (npm run build)';

const state = useBrowser();
let sites = null;

/** Runs the venv's Python; fails the test with its output when it fails. */
function py(args, cwd = root) {
  const done = spawnSync(python, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_MKDOCS_2_WARNING: '1' },
  });
  assert.equal(done.status, 0, `${args.join(' ')}\n${done.stdout}${done.stderr}`);
}

const MANY =
  ':orphan:\n\nTwenty examples\n===============\n\n.. raw:: html\n\n   <div style="height: 3000px">Scroll down.</div>\n\n' +
  Array.from({ length: 20 }, (_, i) => `.. sessionlab::\n\n   print("example ${i + 1}")\n\n`).join('');

before(async () => {
  if (missing) return;
  const dir = mkdtempSync(join(tmpdir(), 'sessionlab-docs-'));
  py(['-m', 'pip', 'install', '-q', '--no-deps', '--force-reinstall', join(root, 'dist', 'python', wheels[0])]);
  cpSync(join(root, 'tests', 'docs-sites', 'sphinx'), join(dir, 'sphinx-src'), { recursive: true });
  writeFileSync(join(dir, 'sphinx-src', 'many.rst'), MANY);
  py(['-m', 'sphinx', '-b', 'html', '-q', '-W', join(dir, 'sphinx-src'), join(dir, 'site', 'sphinx')]);
  const mkdocs = join(root, 'tests', 'docs-sites', 'mkdocs', 'mkdocs.yml');
  py(['-m', 'mkdocs', 'build', '--strict', '-q', '-f', mkdocs, '-d', join(dir, 'site', 'mkdocs')]);
  sites = await serve({ root: join(dir, 'site') });
});
after(() => sites?.close());

/** A page of a built site in a fresh context; records the wasm requests and page errors. */
async function open(path, options = {}) {
  const context = await state.browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const wasm = [];
  const errors = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(new URL(path, sites.url).href);
  return { page, context, wasm, errors };
}

/** Checks one site's first example: highlighted until edited, runs unedited, editor on click. */
async function highlightedUntilEdited(page, tokenSelector) {
  const lab = page.locator('session-lab').first();
  await page.waitForFunction(() => document.querySelector('session-lab').dataset.ready === 'true', null, {
    timeout: 20_000,
  });
  const shown = lab.locator('[data-strategy="Iterate"]');
  assert.equal(await shown.getAttribute('slot'), 'code', 'the page’s block is slotted in');
  assert.ok(await shown.locator(tokenSelector).first().isVisible(), 'the highlighted tokens show');
  assert.equal(await lab.locator('textarea').isVisible(), false, 'no editor before editing');
  // Run works without editing.
  await lab.locator('button.primary').click();
  await page.waitForFunction(() => document.querySelector('session-lab').dataset.runs === '1', null, {
    timeout: 20_000,
  });
  assert.match(await lab.locator('ol.events').textContent(), /UPDATE stuff SET foo=\? WHERE stuff\.id = \?/);
  assert.equal(await shown.getAttribute('slot'), 'code', 'running keeps the page’s block');
  // Clicking into the code swaps in the editor with the same text, the caret where clicked.
  const plus = shown.locator('span', { hasText: '+=' }).first();
  const box = await plus.boundingBox();
  await page.mouse.click(box.x + 1, box.y + box.height / 2);
  const editor = lab.locator('textarea');
  assert.ok(await editor.isVisible(), 'the editor replaced the block');
  const { value, caret } = await editor.evaluate((t) => ({ value: t.value, caret: t.selectionStart }));
  assert.equal(value, 'for obj in session.query(Stuff):\n    obj.foo += 1\nsession.commit()\n');
  assert.equal(caret, value.indexOf('+='));
  assert.equal(await shown.getAttribute('slot'), null);
}

test('Sphinx (Furo): highlighted until edited, runs, follows the theme toggle', { skip: missing }, async () => {
  const { page, context, errors } = await open('sphinx/examples.html', { colorScheme: 'light' });
  await highlightedUntilEdited(page, 'span.k');
  const lab = page.locator('session-lab').first();
  // Furo's toggle cycles auto → dark → light (system light); the element follows each.
  for (let i = 0; i < 3; i++) {
    await page.locator('button.theme-toggle:visible').first().click();
    const furo = await page.evaluate(() => document.body.dataset.theme);
    await page.waitForFunction((t) => document.querySelector('session-lab').getAttribute('theme') === t, furo);
    const scheme = await lab.evaluate((el) => getComputedStyle(el).colorScheme);
    assert.equal(scheme, furo === 'dark' ? 'dark' : furo === 'light' ? 'light' : 'light dark');
  }
  await screenshot(page, 'docs-sphinx-furo');
  assert.deepEqual(errors, []);
  await context.close();
});

test('MkDocs (Material): highlighted until edited, runs, follows the palette toggle', { skip: missing }, async () => {
  const { page, context, errors } = await open('mkdocs/examples/');
  await highlightedUntilEdited(page, 'span.k');
  const lab = page.locator('session-lab').first();
  assert.equal(await lab.getAttribute('theme'), 'light');
  await page.locator('label[for="__palette_1"]').click();
  await page.waitForFunction(() => document.body.dataset.mdColorScheme === 'slate');
  await page.waitForFunction(() => document.querySelector('session-lab').getAttribute('theme') === 'dark');
  assert.equal(await lab.evaluate((el) => getComputedStyle(el).colorScheme), 'dark');
  await screenshot(page, 'docs-mkdocs-material');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript both sites show the pre-rendered output', { skip: missing }, async () => {
  for (const path of ['sphinx/examples.html', 'mkdocs/examples/']) {
    const { page, context } = await open(path, { javaScriptEnabled: false });
    const statics = page.locator('.session-lab-static');
    assert.equal(await statics.count(), 4, path);
    assert.ok(await statics.first().isVisible(), path);
    assert.match(await statics.first().textContent(), /UPDATE stuff SET foo=\(stuff\.foo \+ \?\)/);
    assert.match(await statics.nth(1).textContent(), /^\s*45\s*$/);
    await context.close();
  }
});

test(
  'a page of 20 examples loads the wasm once, when the first example comes into view',
  { skip: missing },
  async () => {
    const { page, context, wasm, errors } = await open('sphinx/many.html');
    await page.waitForFunction(() => document.querySelectorAll('session-lab').length === 20);
    await page.waitForTimeout(1000);
    assert.deepEqual(wasm, [], 'nothing loads while every example is below the fold');
    await page.locator('session-lab').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('session-lab').dataset.ready === 'true', null, {
      timeout: 20_000,
    });
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(500);
    assert.equal(wasm.length, 1, wasm.join('\n'));
    const last = page.locator('session-lab').last();
    await last.scrollIntoViewIfNeeded();
    await last.locator('button.primary').click();
    await page.waitForFunction(() => document.querySelector('session-lab:last-of-type')?.dataset.runs === '1', null, {
      timeout: 20_000,
    });
    assert.equal(await last.locator('pre.stdout').textContent(), 'example 20\n');
    assert.equal(wasm.length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  },
);
