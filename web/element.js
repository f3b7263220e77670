// <session-lab>: a live SessionLab example for documentation pages.
//
//   <script type="module" src="/sessionlab/web/element.js"></script>
//   <session-lab rows="1000" autorun>
//     <script type="text/x-python" data-role="setup">…creates and fills the tables…</script>
//     <script type="text/x-python" data-strategy="Iterate">…</script>
//     <script type="text/x-python" data-strategy="Bulk">…</script>
//   </session-lab>
//
// The workspace comes from those children, from a plain `<pre><code>` child (the page stays
// readable without JavaScript), or from `src` (a playground share link). Existing docs can
// also mark a code block: `<pre data-session-lab data-rows="100">` becomes an element when
// this module loads (its `data-*` options become the element's attributes). Attributes: `rows`
// (N for the setup), `readonly`, `autorun`, `theme` (light | dark | auto), `height` (editor,
// CSS length), `views` (any of output, sql, tables, session; default all but session),
// `playground` (URL of the full page for "Open in SessionLab").
//
// Every element on a page shares one Web Worker (one wasm download and compile) and has its
// own lab in it, so examples never see each other's data. Nothing loads until an example
// scrolls into view or a reader interacts with it; runs never block the page.
import { LabClient } from './client.js';
import { decodeWorkspace, encodeWorkspace } from './share.js';
import { el, formatMs, outputNodes, renderEvent, renderSessions, renderTable } from './render.js';

const VIEWS = ['output', 'sql', 'tables', 'session'];
const DEFAULT_VIEWS = ['output', 'sql', 'tables'];

let client = null;
let nextLab = 1;

/** The page's one worker, started on first need. */
function sharedClient() {
  client ??= new LabClient();
  return client;
}

const STYLE = `
[hidden] { display: none !important; }
:host { display: block; color-scheme: light dark; font: 14px/1.45 system-ui, sans-serif;
  --bg: light-dark(#ffffff, #1d2026); --text: light-dark(#1d1f23, #e6e8eb);
  --muted: light-dark(#5f6672, #a0a7b3); --border: light-dark(#dcdfe4, #343944);
  --accent: light-dark(#2456c9, #6d9bff); --accent-text: light-dark(#ffffff, #0c1222);
  --code-bg: light-dark(#f1f3f6, #252932); --error: light-dark(#b42318, #ff8a7a);
  --error-bg: light-dark(#fdf0ee, #3a1f1c); --number: light-dark(#0b6e4f, #6fd3a8);
  --null: light-dark(#8a8f98, #7d8490); --changed: light-dark(#fff4c2, #4a3f12);
  border: 1px solid var(--border); border-radius: 8px; background: var(--bg); color: var(--text);
  margin: 1em 0; overflow: hidden; }
:host([theme='light']) { color-scheme: light; }
:host([theme='dark']) { color-scheme: dark; }
.bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px;
  border-bottom: 1px solid var(--border); }
.tabs { display: flex; gap: 2px; flex-wrap: wrap; }
button, .open { font: inherit; border: 1px solid var(--border); background: var(--code-bg);
  color: var(--text); border-radius: 6px; padding: 2px 10px; cursor: pointer; text-decoration: none; }
button[aria-selected='true'] { border-color: var(--accent); color: var(--accent); }
button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
button:disabled { opacity: 0.6; cursor: progress; }
.spacer { flex: 1; }
label.rows { color: var(--muted); }
label.rows input { width: 7em; font: inherit; }
textarea { display: block; box-sizing: border-box; width: 100%; height: var(--editor-height, auto);
  border: 0; border-bottom: 1px solid var(--border); padding: 8px 10px; resize: vertical;
  font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--code-bg);
  color: var(--text); tab-size: 4; }
.status { margin: 0; padding: 4px 10px; color: var(--muted); font-size: 12px; }
.results { padding: 0 10px 8px; }
.results:empty { display: none; }
h4 { margin: 10px 0 4px; font-size: 13px; }
pre { margin: 0; white-space: pre-wrap; font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre.stdout, pre.traceback { background: var(--code-bg); padding: 6px 8px; border-radius: 6px; }
pre.stdout .warning { color: #b45309; font-style: italic; }
.error { color: var(--error); background: var(--error-bg); border-radius: 6px; padding: 6px 8px; }
.hint { color: var(--muted); margin: 4px 0 0; }
ol.events { list-style: none; margin: 0; padding: 0; }
li.event { border-top: 1px solid var(--border); padding: 4px 0; }
li.event.tx { display: flex; gap: 8px; align-items: baseline; font-size: 12px; color: var(--muted); }
li.event header { display: flex; gap: 8px; align-items: baseline; font-size: 12px; color: var(--muted); }
.badge { font-weight: 600; color: var(--text); }
.cause { font-style: italic; }
.params { margin: 2px 0 0; color: var(--muted); font: 12px ui-monospace, monospace; }
details.params summary { cursor: pointer; }
.param-sets { max-height: 12rem; overflow: auto; margin: 4px 0; padding-left: 3.5em; }
.pager { display: flex; gap: 8px; align-items: center; margin: 4px 0; font-size: 12px; }
button.link { border: 0; background: none; padding: 0; color: var(--accent); font-size: 12px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 12.5px; margin: 4px 0; }
th, td { border: 1px solid var(--border); padding: 2px 8px; text-align: left; }
td.number { color: var(--number); text-align: right; }
td.null { color: var(--null); font-style: italic; }
td.changed { background: var(--changed); }
.flag { display: block; font-size: 11px; color: var(--muted); }
.compare td:nth-child(n+2) { text-align: right; }
`;

let sheet = null;

/** One constructed stylesheet for every instance (no inline <style>: strict CSPs allow it). */
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

/** The workspace written in the element's children, or null. */
function workspaceFromChildren(host) {
  const scripts = [...host.querySelectorAll('script[type="text/x-python"]')];
  const text = (node) => node.textContent.replace(/^\n/, '').replace(/\s+$/, '\n');
  const setup = scripts.find((s) => s.dataset.role === 'setup');
  const strategies = scripts
    .filter((s) => s !== setup)
    .map((s, i) => ({ name: s.dataset.strategy || `Script ${i + 1}`, source: text(s) }));
  if (!strategies.length) {
    const code = host.querySelector('pre code, pre');
    if (code) strategies.push({ name: 'Script', source: text(code) });
  }
  if (!strategies.length) return null;
  return { setup: setup ? text(setup) : null, strategies };
}

export class SessionLabElement extends HTMLElement {
  static observedAttributes = ['readonly', 'height', 'views', 'rows'];

  #root;
  #lab = nextLab++;
  #ws = null;
  #current = 0;
  #ui = {};
  #started = false;
  #observer = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
  }

  async connectedCallback() {
    if (this.#ws) return;
    this.#ws = workspaceFromChildren(this);
    const src = this.getAttribute('src');
    if (!this.#ws && src) {
      try {
        const hash = src.slice(src.indexOf('#'));
        const shared = await decodeWorkspace(hash);
        this.#ws = shared.ws
          ? { setup: shared.ws.setup, strategies: shared.ws.strategies }
          : { setup: null, strategies: [{ name: 'Script', source: shared.source }] };
        if (shared.ws && !this.hasAttribute('rows')) this.setAttribute('rows', String(shared.ws.n));
      } catch (err) {
        this.#root.replaceChildren(el('p', { className: 'error', text: `This example cannot open: ${err.message}` }));
        return;
      }
    }
    this.#ws ??= { setup: null, strategies: [{ name: 'Script', source: '' }] };
    this.#render();
    // Load when the example comes into view (or a reader reaches for it), not before.
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.#observer.disconnect();
        this.#start();
        if (this.hasAttribute('autorun')) this.run();
      }
    });
    this.#observer.observe(this);
    this.addEventListener('pointerenter', () => this.#start(), { once: true });
    this.addEventListener('focusin', () => this.#start(), { once: true });
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    if (this.#started)
      sharedClient()
        .call('dropLab', { lab: this.#lab })
        .catch(() => {});
  }

  attributeChangedCallback() {
    if (this.#ui.editor) this.#applyAttributes();
  }

  /** The workspace as it is now (edits included). */
  get workspace() {
    this.#keepEdits();
    return structuredClone(this.#ws);
  }

  get #rows() {
    const n = Number(this.getAttribute('rows') ?? 1000);
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 1000;
  }

  get #views() {
    const asked = (this.getAttribute('views') ?? '').split(/[\s,]+/).filter((v) => VIEWS.includes(v));
    return asked.length ? asked : DEFAULT_VIEWS;
  }

  #start() {
    if (this.#started) return;
    this.#started = true;
    this.#ui.status.textContent = 'Loading the SQLite engine…';
    sharedClient()
      .ready.then(() => {
        this.#ui.status.textContent = 'Ready.';
        this.#ui.run.disabled = false;
        if (this.#ui.compare) this.#ui.compare.disabled = false;
        this.dataset.ready = 'true';
      })
      .catch((err) => {
        this.#ui.status.textContent = `The engine could not load: ${err.message}`;
      });
  }

  #keepEdits() {
    if (this.#ui.editor) this.#ws.strategies[this.#current].source = this.#ui.editor.value;
  }

  #render() {
    const run = el('button', { className: 'primary', text: 'Run', attrs: { type: 'button', disabled: '' } });
    run.addEventListener('click', () => this.run());
    const tabs = el('div', { className: 'tabs', attrs: { role: 'tablist' } });
    const many = this.#ws.strategies.length > 1;
    const compare = many ? el('button', { text: 'Compare all', attrs: { type: 'button', disabled: '' } }) : null;
    compare?.addEventListener('click', () => this.compare());
    const rows = this.#ws.setup
      ? el('input', { attrs: { type: 'number', min: '0', step: '1', 'aria-label': 'N' } })
      : null;
    if (rows) {
      rows.value = String(this.#rows);
      rows.addEventListener('change', () => this.setAttribute('rows', rows.value));
    }
    const open = el('a', {
      className: 'open',
      text: 'Open in SessionLab',
      attrs: { target: '_blank', rel: 'noopener' },
    });
    open.addEventListener('pointerdown', () => this.#updateOpenLink());
    open.addEventListener('focus', () => this.#updateOpenLink());
    const editor = el('textarea', { attrs: { spellcheck: 'false', autocapitalize: 'off', 'aria-label': 'Script' } });
    editor.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.run();
      }
    });
    const status = el('p', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
    const results = el('div', { className: 'results' });
    this.#ui = { run, compare, tabs, rows, open, editor, status, results };
    this.#root.replaceChildren(
      el('div', { className: 'bar' }, [
        tabs,
        el('span', { className: 'spacer' }),
        rows ? el('label', { className: 'rows' }, ['N ', rows]) : null,
        compare,
        run,
        open,
      ]),
      editor,
      status,
      results,
    );
    this.#renderTabs();
    this.#applyAttributes();
    this.#updateOpenLink();
  }

  #renderTabs() {
    const { tabs, editor } = this.#ui;
    tabs.replaceChildren(
      ...this.#ws.strategies.map((s, i) => {
        const b = el('button', {
          text: s.name,
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(i === this.#current) },
        });
        b.addEventListener('click', () => {
          this.#keepEdits();
          this.#current = i;
          this.#renderTabs();
        });
        return b;
      }),
    );
    tabs.hidden = this.#ws.strategies.length < 2;
    editor.value = this.#ws.strategies[this.#current].source;
    // Without a `height`, the editor fits the longest script (up to 24 lines).
    const longest = Math.max(...this.#ws.strategies.map((s) => s.source.split('\n').length));
    editor.rows = Math.min(Math.max(longest, 3), 24);
  }

  #applyAttributes() {
    const { editor, rows } = this.#ui;
    editor.readOnly = this.hasAttribute('readonly');
    const height = this.getAttribute('height');
    if (height) this.style.setProperty('--editor-height', height);
    if (rows) rows.value = String(this.#rows);
  }

  async #updateOpenLink() {
    this.#keepEdits();
    const base = this.getAttribute('playground') ?? new URL('../index.html', import.meta.url).href;
    const { setup, strategies } = this.#ws;
    const hash = setup
      ? await encodeWorkspace({
          mode: 'python',
          ws: { setup, strategies, n: this.#rows, current: this.#current + 1 },
        })
      : await encodeWorkspace({ mode: 'python', source: strategies[this.#current].source });
    this.#ui.open.href = base.split('#')[0] + hash;
  }

  #busy(on) {
    this.#ui.run.disabled = on;
    if (this.#ui.compare) this.#ui.compare.disabled = on;
    this.toggleAttribute('running', on);
  }

  /** Runs the current tab (after the setup, when there is one); resolves to its RunReport. */
  async run() {
    this.#start();
    this.#keepEdits();
    const { setup, strategies } = this.#ws;
    const source = strategies[this.#current].source;
    this.#busy(true);
    this.#ui.status.textContent = 'Running…';
    try {
      const report = setup
        ? await sharedClient().call('runStrategy', { setup, strategy: source, n: this.#rows, lab: this.#lab })
        : await sharedClient().call('runPython', { source, lab: this.#lab });
      this.#showReport(report);
      this.dispatchEvent(new CustomEvent('run', { detail: report }));
      return report;
    } catch (err) {
      this.#ui.status.textContent = `The run failed: ${err.message}`;
      throw err;
    } finally {
      this.#busy(false);
      this.dataset.runs = String(Number(this.dataset.runs ?? 0) + 1);
    }
  }

  /** Runs every strategy after the setup and shows their times side by side. */
  async compare() {
    this.#start();
    this.#keepEdits();
    const { setup, strategies } = this.#ws;
    this.#busy(true);
    const rows = [];
    try {
      for (const s of strategies) {
        this.#ui.status.textContent = `Running ${s.name}…`;
        const report = await sharedClient().call('runStrategy', {
          setup: setup ?? '',
          strategy: s.source,
          n: this.#rows,
          lab: this.#lab,
        });
        rows.push({ name: s.name, report });
      }
    } finally {
      this.#busy(false);
    }
    const times = rows.filter((r) => !r.report.error).map((r) => r.report.timing.total_ms);
    const fastest = Math.min(...times);
    const table = el('table', { className: 'compare' }, [
      el('thead', {}, [
        el(
          'tr',
          {},
          ['strategy', 'total', 'SQLite', 'statements', 'vs fastest'].map((h) => el('th', { text: h })),
        ),
      ]),
      el(
        'tbody',
        {},
        rows.map(({ name, report }) =>
          el('tr', {}, [
            el('td', { text: name }),
            ...(report.error
              ? [el('td', { className: 'error', text: report.error.type, attrs: { colspan: '4' } })]
              : [
                  el('td', { text: formatMs(report.timing.total_ms) }),
                  el('td', { text: formatMs(report.timing.sqlite_ms) }),
                  el('td', { text: String(report.timing.statements) }),
                  el('td', { text: `${(report.timing.total_ms / fastest).toFixed(1)}×` }),
                ]),
          ]),
        ),
      ),
    ]);
    this.#ui.results.replaceChildren(el('h4', { text: `Compared at N = ${this.#rows}` }), table);
    this.#ui.status.textContent = 'Compared.';
    this.dataset.runs = String(Number(this.dataset.runs ?? 0) + 1);
    return rows;
  }

  #showReport(report) {
    const views = this.#views;
    const nodes = [];
    const sql = report.events.filter((e) => e.kind === 'sql');
    if (views.includes('output')) {
      if (report.stdout || report.warnings?.length)
        nodes.push(
          el('h4', { text: 'Output' }),
          el('pre', { className: 'stdout' }, outputNodes(report.stdout, report.warnings)),
        );
      if (report.error) {
        nodes.push(
          el('pre', { className: 'traceback error', attrs: { role: 'alert' }, text: report.error.traceback }),
          report.error.hint ? el('p', { className: 'hint', text: `Hint: ${report.error.hint}` }) : null,
        );
      }
    }
    if (views.includes('sql')) {
      nodes.push(
        el('h4', { text: `SQL sent (${sql.length} statement${sql.length === 1 ? '' : 's'})` }),
        el(
          'ol',
          { className: 'events' },
          report.events.map((e, i) => renderEvent(e, i, (line) => this.#selectLine(line))),
        ),
      );
    }
    if (views.includes('tables')) {
      for (const [name, t] of Object.entries(report.tables)) {
        nodes.push(
          el('h4', {
            text: `${name} (${t.total_rows ?? t.rows.length} row${(t.total_rows ?? t.rows.length) === 1 ? '' : 's'})`,
          }),
          renderTable(t.columns, t.rows, t.total_rows ?? t.rows.length, report.tables_before?.[name] ?? null, 10),
        );
      }
    }
    if (views.includes('session') && report.sessions.length) nodes.push(...renderSessions(report.sessions));
    this.#ui.results.replaceChildren(...nodes);
    const t = report.timing;
    this.#ui.status.textContent = report.error
      ? `${report.error.type} on line ${report.error.line}.`
      : `${sql.length} statement${sql.length === 1 ? '' : 's'} in ${formatMs(t.total_ms)} (SQLite ${formatMs(t.sqlite_ms)}).`;
  }

  #selectLine(line) {
    const { editor } = this.#ui;
    const lines = editor.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    editor.focus();
    editor.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }
}

/** Wraps each `<pre data-session-lab>` in a <session-lab> (progressive enhancement). */
export function enhanceCodeBlocks(root = document) {
  for (const pre of root.querySelectorAll('pre[data-session-lab]')) {
    if (pre.closest('session-lab')) continue;
    const lab = document.createElement('session-lab');
    for (const name of ['rows', 'readonly', 'autorun', 'theme', 'height', 'views', 'playground']) {
      const value = pre.dataset[name];
      if (value !== undefined) lab.setAttribute(name, value);
    }
    // The block moves in before the element is connected, so it reads its script.
    const [parent, next] = [pre.parentNode, pre.nextSibling];
    lab.append(pre);
    parent.insertBefore(lab, next);
  }
}

if (!customElements.get('session-lab')) customElements.define('session-lab', SessionLabElement);
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => enhanceCodeBlocks(), { once: true });
} else {
  enhanceCodeBlocks();
}
