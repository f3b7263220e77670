// The shared base of the browser specs: Debian's Chromium through playwright-core, the
// production build served on 127.0.0.1, page errors collected and shown only when a test fails.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshots = join(root, 'tests', 'e2e', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Registers the browser and server hooks for a spec file; returns an accessor for both. */
export function useBrowser() {
  const state = { browser: null, server: null, problems: [] };
  before(async () => {
    state.server = await serve({ root: join(root, 'dist') });
    // playwright gives every launch a fresh, empty profile of its own.
    state.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  afterEach((t) => {
    // Console errors and page errors explain most failures; print them only then.
    if (state.problems.length && t.passed === false) console.error(state.problems.join('\n'));
    state.problems = [];
  });
  return state;
}

/** Opens the playground in a fresh context and waits until the worker reports ready. */
export async function openPage(state, { colorScheme = 'light', viewport, path = '' } = {}) {
  const context = await state.browser.newContext({ colorScheme, viewport: viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => state.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') state.problems.push(`console: ${msg.text()}`);
  });
  await page.goto(new URL(path, state.server.url).href);
  await waitReady(page);
  return { page, context, problems: state.problems };
}

/** Waits until the engine is ready and the code editor (CodeMirror) has replaced the textarea. */
export async function waitReady(page) {
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.body.dataset.editor === 'codemirror',
    null,
    { timeout: 20_000 },
  );
}

/** Chooses the editor's language ('python' or 'sql'). */
export async function setMode(page, mode) {
  await page.locator(`input[name=mode][value=${mode}]`).check();
}

/** The editor's editable area (CodeMirror's content element). */
export const EDITOR = '#editor .cm-content';

/**
 * Replaces the editor's text as a user would: select all, type over it. (The specs fail on any
 * console error, so this also guards web/editor.js's handling of typing over highlighted code,
 * which Chromium would otherwise style inline against the CSP.)
 */
export async function setSource(page, text) {
  await page.locator(EDITOR).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** The editor's whole text. */
export async function getSource(page) {
  return page.evaluate(() => document.getElementById('editor').sessionlabEditor.value);
}

/** Clicks Run (or `trigger`) and waits until the run finished (a sweep takes longer: `timeout`). */
export async function runAndWait(page, trigger = () => page.locator('#run').click(), { timeout = 20_000 } = {}) {
  const before = Number((await page.evaluate(() => document.body.dataset.runs)) ?? 0);
  await trigger();
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, before, { timeout });
}

/** Saves a screenshot to tests/e2e/screenshots (git-ignored) for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Clicks "Copy link" and opens the link in a new page of the same context, once ready. */
export async function openSharedLink(page, context) {
  await page.click('#share');
  await page.waitForFunction(() => location.hash.startsWith('#w='));
  const link = await page.evaluate(() => location.href);
  const other = await context.newPage();
  await other.goto(link);
  await waitReady(other);
  return other;
}

/**
 * A fresh page on which `name` (on the test server's origin, so modules and workers load)
 * serves `html`; navigate to the returned `url` when the page is set up.
 */
export async function fixturePage(state, name, html) {
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  const url = new URL(name, state.server.url).href;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  return { page, context, problems, url };
}

const CLIENT_PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import { LabClient } from '/web/client.js';
window.restarts = 0;
window.client = new LabClient({ onRestart: () => { window.restarts += 1; } });
await window.client.ready;
document.body.dataset.ready = 'true';
</script><body></body>`;

/** A blank page holding the page's worker client as `window.client` (`window.restarts` counts engine restarts), ready. */
export async function openClientPage(state) {
  const { page, context, problems, url } = await fixturePage(state, 'client.html', CLIENT_PAGE);
  await page.goto(url);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout: 20_000 });
  return { page, context, problems };
}
