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
// A part written as the page's own highlighted block (`<div data-strategy="…"><script
// type="text/x-python">…</script><div class="highlight"><pre>…</pre></div></div>`, what the
// Sphinx extension and the MkDocs plugin write, or a plain `<pre><code>` child) is shown as the
// page drew it, through a slot, until the reader edits: focusing it, clicking it (the caret
// goes where the click was) or pressing Edit swaps in the editor with the same text: the
// textarea at once, then CodeMirror (web/bundle/editor.js, loaded on the first edit, once per
// page) with the text and caret carried over.
//
// Every element on a page shares one Web Worker (one wasm download and compile) and has its
// own lab in it, so examples never see each other's data. Nothing loads until an example
// scrolls into view or a reader interacts with it; runs never block the page.
import { LabClient } from './client.js';
import { engineCall } from './element-engine.js';
import { decodeWorkspace, encodeWorkspace } from './share.js';
import { el, formatMs, formatRange, outputNodes, renderEvent, renderSessions, renderTable } from './render.js';
import { rank } from './measure.js';
import { compileWasm } from './wasm.js';

const VIEWS = ['output', 'sql', 'tables', 'session'];
const DEFAULT_VIEWS = ['output', 'sql', 'tables'];

let client = null;
let nextLab = 1;

/** The page's one worker, started on first need; the wasm compiles while the worker loads. */
function sharedClient() {
  client ??= new LabClient({ module: compileWasm() });
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
  --mono: ui-monospace, SFMono-Regular, Menlo, monospace; --panel: var(--code-bg);
  --active-line: light-dark(#e8ecf2, #2a2f39); --selection: light-dark(#c9d8f6, #35476c);
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
textarea[hidden], .view[hidden], .code-editor[hidden] { display: none; }
.code-editor { border-bottom: 1px solid var(--border); height: var(--editor-height, auto); max-height: 32em; overflow: auto; }
.view { display: block; cursor: text; border-bottom: 1px solid var(--border); padding: 0 8px; overflow-x: auto; }
.view:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
::slotted(*) { margin: 8px 0 !important; }
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

/** A part's source: its script, else the text of its (highlighted) <pre>. */
function partText(node) {
  const script = node.matches('script') ? node : node.querySelector(':scope > script[type="text/x-python"]');
  return (script ?? codeOf(node)).textContent.replace(/^\n/, '').replace(/\s+$/, '\n');
}

/** The <pre> holding a highlighted block's code (Pygments' line-number tables skipped). */
function codeOf(node) {
  return node.querySelector('td.code pre') ?? (node.matches('pre') ? node : node.querySelector('pre')) ?? node;
}

/** Where in `block`'s code a click landed, as an offset into its text; null when not in it. */
function caretOffset(event, block) {
  const pos = document.caretPositionFromPoint?.(event.clientX, event.clientY);
  const range = pos ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
  const [node, offset] = pos ? [pos.offsetNode, pos.offset] : [range?.startContainer, range?.startOffset];
  const pre = codeOf(block);
  if (!node || !pre.contains(node)) return null;
  const before = document.createRange();
  before.selectNodeContents(pre);
  before.setEnd(node, offset);
  // Inline line numbers (Sphinx's `:linenos:`) are not part of the code.
  const text = before.cloneContents();
  for (const n of text.querySelectorAll('.linenos')) n.remove();
  return Math.max(0, text.textContent.length - (pre.textContent.startsWith('\n') ? 1 : 0));
}

let editorBundle = null;

/** CodeMirror's bundle, imported on the first edit of any example of the page; null if it cannot load. */
function loadEditor() {
  editorBundle ??= import('./bundle/editor.js').catch(() => null);
  return editorBundle;
}

/**
 * Puts CodeMirror where `area` is, with its text and caret, behind the few textarea members the
 * element uses (value, readOnly, hidden, rows, focus, setSelectionRange).
 */
function codeMirrorFor(bundle, area, onRun) {
  const box = document.createElement('div');
  box.className = 'code-editor';
  const [start, end, focused] = [area.selectionStart, area.selectionEnd, area.getRootNode().activeElement === area];
  area.replaceWith(box);
  const cm = bundle.createEditor(box, { value: area.value, label: 'Script', onRun: () => onRun() });
  cm.setReadOnly(area.readOnly);
  const select = (anchor, head) => cm.view.dispatch({ selection: { anchor, head }, scrollIntoView: true });
  select(start, end);
  if (focused) cm.focus();
  return {
    box,
    get value() {
      return cm.value;
    },
    set value(text) {
      cm.value = text;
    },
    set readOnly(on) {
      cm.setReadOnly(on);
    },
    get hidden() {
      return box.hidden;
    },
    set hidden(on) {
      box.hidden = on;
    },
    set rows(_) {},
    focus: () => cm.focus(),
    setSelectionRange: (from, to) => select(from, to),
  };
}

/**
 * The workspace written in the element's children, or null; with `blocks`, the page's own
 * rendering of each strategy (a direct child, so a slot can show it) or null.
 */
function workspaceFromChildren(host) {
  const isPart = '[data-role="setup"], [data-strategy]';
  const parts = [...host.querySelectorAll(`script[type="text/x-python"], ${isPart}`)].filter(
    (n) => !(n.matches('script') && n.parentElement !== host && n.parentElement.matches(isPart)),
  );
  const setup = parts.find((s) => s.dataset.role === 'setup');
  const written = parts.filter((s) => s !== setup);
  const strategies = written.map((s, i) => ({ name: s.dataset.strategy || `Script ${i + 1}`, source: partText(s) }));
  const blocks = written.map((s) => (!s.matches('script') && s.parentElement === host ? s : null));
  if (!strategies.length) {
    const code = host.querySelector('pre code, pre');
    if (code) {
      strategies.push({ name: 'Script', source: partText(code) });
      const pre = code.closest('pre');
      blocks.push(pre.parentElement === host ? pre : null);
    }
  }
  if (!strategies.length) return null;
  return { ws: { setup: setup ? partText(setup) : null, strategies }, blocks };
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
  #blocks = [];
  #editing = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
  }

  async connectedCallback() {
    if (this.#ws) return;
    const written = workspaceFromChildren(this);
    this.#ws = written?.ws ?? null;
    this.#blocks = written?.blocks ?? [];
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
    const edit = el('button', { text: 'Edit', attrs: { type: 'button' } });
    edit.addEventListener('click', () => this.#edit(null));
    const slot = el('slot', { attrs: { name: 'code' } });
    const view = el('div', { className: 'view', attrs: { tabindex: '0', 'aria-label': 'Script (focus to edit)' } }, [
      slot,
    ]);
    let pointing = false;
    view.addEventListener('pointerdown', () => (pointing = true));
    view.addEventListener('blur', () => (pointing = false));
    view.addEventListener('focus', () => {
      if (!pointing) this.#edit(null);
    });
    view.addEventListener('click', (e) => {
      pointing = false;
      // Selecting text to copy it keeps the page's block.
      if (!String(document.getSelection() ?? '')) this.#edit(caretOffset(e, this.#blocks[this.#current]));
    });
    const status = el('p', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
    const results = el('div', { className: 'results' });
    this.#ui = { run, compare, tabs, rows, open, editor, status, results, edit, view };
    this.#root.replaceChildren(
      el('div', { className: 'bar' }, [
        tabs,
        el('span', { className: 'spacer' }),
        rows ? el('label', { className: 'rows' }, ['N ', rows]) : null,
        edit,
        compare,
        run,
        open,
      ]),
      view,
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
    this.#showBlock();
  }

  /** Shows the page's own block of the current tab until the reader edits (or the editor). */
  #showBlock() {
    const { view, editor, edit } = this.#ui;
    const block = this.#editing ? null : (this.#blocks[this.#current] ?? null);
    for (const b of this.#blocks) {
      if (b && b === block) b.setAttribute('slot', 'code');
      else b?.removeAttribute('slot');
    }
    view.hidden = !block;
    editor.hidden = Boolean(block);
    edit.hidden = !block || this.hasAttribute('readonly');
  }

  /** Swaps the editor in for the page's block, the caret at `offset` (or the start). */
  #edit(offset) {
    if (this.#editing || this.hasAttribute('readonly')) return;
    this.#editing = true;
    this.#showBlock();
    const { editor } = this.#ui;
    editor.focus();
    const at = Math.min(offset ?? 0, editor.value.length);
    editor.setSelectionRange(at, at);
    loadEditor().then((bundle) => {
      if (bundle && this.#ui.editor === editor) this.#ui.editor = codeMirrorFor(bundle, editor, () => this.run());
    });
  }

  #applyAttributes() {
    const { editor, rows } = this.#ui;
    editor.readOnly = this.hasAttribute('readonly');
    const height = this.getAttribute('height');
    if (height) this.style.setProperty('--editor-height', height);
    if (rows) rows.value = String(this.#rows);
    this.#showBlock();
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
        ? await engineCall(this, sharedClient, 'runStrategy', {
            setup,
            strategy: source,
            n: this.#rows,
            lab: this.#lab,
          })
        : await engineCall(this, sharedClient, 'runPython', { source, lab: this.#lab });
      this.#showReport(report);
      // Real SQLAlchemy's runs (engine="sqlalchemy"/"auto") say so, and that their time is Pyodide's.
      if (report.engine === 'sqlalchemy') {
        this.#ui.status.textContent = `Run by real SQLAlchemy ${report.sqlalchemy} in Pyodide (Pyodide's time): ${this.#ui.status.textContent}`;
      }
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

  /**
   * Measures every strategy after the setup (a warm-up, then interleaved repetitions for about
   * 2 s, web/measure.js) and shows their median times side by side.
   */
  async compare() {
    this.#start();
    this.#keepEdits();
    const { setup, strategies } = this.#ws;
    this.#busy(true);
    let measured;
    try {
      this.#ui.status.textContent = 'Measuring: a warm-up, then repetitions…';
      measured = await sharedClient().call('compare', {
        setup: setup ?? '',
        strategies: strategies.map(({ name, source }) => ({ name, source })),
        n: this.#rows,
        lab: this.#lab,
      });
    } finally {
      this.#busy(false);
    }
    const rows = rank(measured.results);
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
        rows.map(({ name, report, time, sqlite, ratio }) =>
          el('tr', {}, [
            el('td', { text: name }),
            ...(!time
              ? [el('td', { className: 'error', text: report.error?.type ?? 'failed', attrs: { colspan: '4' } })]
              : [
                  el('td', { text: formatRange(time) }),
                  el('td', { text: formatRange(sqlite) }),
                  el('td', { text: String(report.timing.statements) }),
                  el('td', { text: `${ratio.toFixed(1)}×` }),
                ]),
          ]),
        ),
      ),
    ]);
    this.#ui.results.replaceChildren(
      el('h4', { text: `Compared at N = ${this.#rows}: median (min–max) of ${measured.repetitions} repetitions` }),
      table,
    );
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
    this.#edit(null);
    const { editor } = this.#ui;
    if (editor.hidden) return;
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
