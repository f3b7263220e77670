// The playground page: a Python (SQLAlchemy) or raw-SQL editor, Run/Cancel, and the results:
// printed output, the SQL the script sent, the final tables, or each raw statement's rows.
import { client } from './boot.js';
import { DEFAULTS, rank } from './measure.js';
import { decodeWorkspace, encodeWorkspace, isShareHash } from './share.js';
import {
  el,
  formatMs,
  formatRange,
  outputNodes,
  renderEvent,
  renderSessions,
  renderTable,
  tupleText,
} from './render.js';
import { exportScript, slug } from './export.js';
import { sweepChart } from './sweep.js';
import { installSqlalchemyCheck } from './check.js';

// The engine started first (web/boot.js: the worker, and the wasm preloaded by index.html
// compiling while it downloads). The editor's CodeMirror bundle (scripts/bundle.mjs) is fetched
// only once the engine is ready, the page idle and no run in flight, so it never competes with
// the reader's first Run; the plain textarea serves until then, and for good if it cannot load.
// After an internal error the client starts a fresh engine; give it the imported file again.
client.onRestart = () => {
  if (imported) client.call('importDatabase', { bytes: imported.bytes.slice() }).catch(() => {});
};
/** Resolves when no run is in flight. */
let idleEngine = Promise.resolve();
let engineIdle = () => {};
client.onWorking = (state) => {
  const running = state === 'start';
  document.body.dataset.running = String(running);
  document.getElementById('cancel').hidden = !running;
  if (running) idleEngine = new Promise((resolve) => (engineIdle = resolve));
  else engineIdle();
};
const afterIdle = () =>
  new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve, { timeout: 1000 }));
const editorBundle = client.ready
  .catch(() => null)
  // A moment for the reader's first click, then whatever run it started.
  .then(() => new Promise((resolve) => setTimeout(resolve, 200)))
  .then(afterIdle)
  .then(() => idleEngine)
  .then(() => import('./bundle/editor.js'))
  .catch(() => null);

const EXAMPLES = {
  sql: `CREATE TABLE t(x);
INSERT INTO t VALUES (1),(2);
UPDATE t SET x = x + 1;
SELECT * FROM t;
`,
  // The Python default is the first lesson (web/lessons), loaded below.
  python: '',
};
const STORAGE_KEY = 'sessionlab.workspace.v1';
const SETTINGS_KEY = 'sessionlab.settings.v1';
const PREVIOUS_KEY = 'sessionlab.previous.v1';

const $ = (id) => document.getElementById(id);
const editorBox = $('editor');
const runButton = $('run');
const cancelButton = $('cancel');
const status = $('status');
const progress = $('progress');
const summary = $('summary');
const results = $('results');
const modeInputs = [...document.querySelectorAll('input[name=mode]')];
const saved = (() => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') ?? {};
  } catch {
    return {};
  }
})();
/** Page settings (log filters, theme), kept apart from the code. */
const settings = (() => {
  try {
    return JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') ?? {};
  } catch {
    return {};
  }
})();
function saveSettings() {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

// iframe mode, `index.html?embed`: a compact page for other sites' frames. Options (all
// optional): theme=light|dark, readonly, autorun, nohotkey, views=output,sql,tables,session.
const options = new URLSearchParams(location.search);
const embed = options.has('embed');
const VIEW_NAMES = ['output', 'sql', 'tables', 'session'];
const views = new Set(
  embed && options.get('views')
    ? options
        .get('views')
        .split(',')
        .filter((v) => VIEW_NAMES.includes(v))
    : VIEW_NAMES,
);

/** The lesson gallery: `web/lessons/lessons.json` lists each script with its explanation. */
const lessonsUrl = new URL('./lessons/', import.meta.url);
const lessons = await fetch(new URL('lessons.json', lessonsUrl))
  .then((r) => (r.ok ? r.json() : []))
  .catch(() => []);
async function lessonSource(file) {
  const r = await fetch(new URL(file, lessonsUrl));
  if (!r.ok) throw new Error(`lesson ${file}: HTTP ${r.status}`);
  return r.text();
}
if (saved.python === undefined && lessons.length) {
  EXAMPLES.python = await lessonSource(lessons[0].file).catch(() => '');
}
/**
 * The Python workspace: a setup script (runs first, untimed, may read N) and named strategy
 * scripts. Tab 0 is the setup; tab k is strategy k - 1.
 */
function singleScript(text) {
  return { setup: '', strategies: [{ name: 'Script', source: text }], n: 1000, current: 1 };
}
const sources = { sql: saved.sql ?? EXAMPLES.sql };
let ws = saved.ws ?? singleScript(saved.python ?? EXAMPLES.python);
let mode = saved.mode === 'sql' ? 'sql' : 'python';
let sharedMessage = '';
if (isShareHash(location.hash)) {
  try {
    const shared = await decodeWorkspace(location.hash);
    // What was there is kept for "Restore my code".
    localStorage.setItem(PREVIOUS_KEY, JSON.stringify({ mode, sql: sources.sql, ws }));
    mode = shared.mode;
    if (shared.mode === 'sql') sources.sql = shared.source;
    else ws = shared.ws ?? singleScript(shared.source);
    sharedMessage = 'Opened a shared workspace.';
  } catch (err) {
    sharedMessage = `This link could not be opened: ${err.message}. Your own code is shown instead.`;
  }
}

/** The text the editor shows: raw SQL, the setup, or the current strategy. */
function currentText() {
  if (mode === 'sql') return sources.sql;
  return ws.current === 0 ? ws.setup : ws.strategies[ws.current - 1].source;
}

function save() {
  if (mode === 'sql') sources.sql = editor.value;
  else if (ws.current === 0) ws.setup = editor.value;
  else ws.strategies[ws.current - 1].source = editor.value;
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ mode, sql: sources.sql, ws }));
}

/**
 * The editor until CodeMirror has loaded: the page's <textarea> behind the same small API as
 * web/editor.js (`value`, `setLanguage`, `setReadOnly`, `markError`, `selectLine`, `focus`).
 */
function textareaEditor(area, { onChange, onRun }) {
  area.addEventListener('input', () => onChange(area.value));
  area.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      onRun({ compare: event.shiftKey });
    }
  });
  const api = {
    get value() {
      return area.value;
    },
    set value(text) {
      area.value = text;
    },
    setLanguage() {},
    setReadOnly(readOnly) {
      area.readOnly = readOnly;
    },
    markError() {},
    selectLine(line) {
      const lines = area.value.split('\n');
      const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      area.focus();
      area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    },
    get selectedText() {
      return area.value.slice(area.selectionStart, area.selectionEnd);
    },
    focus() {
      area.focus();
    },
  };
  area.parentElement.sessionlabEditor = api;
  return api;
}

/** Where the last run's error points ({line, column}, 1-based), until the code changes. */
let errorAt = null;

/** Marks (or clears, with null) the error's place in the editor. */
function markError(error) {
  errorAt = error?.line ? { line: error.line, column: error.column ?? 1 } : null;
  editor.markError(errorAt);
}

/** Selects a 1-based line in the editor, so an error or a statement can be found. */
function highlightLine(line) {
  editor.selectLine(line);
}

function renderStatement(st, index) {
  let what = 'done';
  if (st.rows_affected !== null) what = `${st.rows_affected} row${st.rows_affected === 1 ? '' : 's'} affected`;
  else if (st.columns.length) what = `${st.row_count} row${st.row_count === 1 ? '' : 's'}`;
  const jump = el('button', { className: 'link', text: `line ${st.line}`, attrs: { type: 'button' } });
  jump.addEventListener('click', () => highlightLine(st.line));
  return el('article', { className: 'statement', attrs: { 'data-index': String(index + 1) } }, [
    el('header', {}, [
      el('span', { className: 'badge', text: `#${index + 1}` }),
      jump,
      el('span', { className: 'meta', text: `${what} · ${formatMs(st.elapsed_ms)}` }),
    ]),
    el('pre', { className: 'sql', text: st.sql }),
    st.columns.length ? renderTable(st.columns, st.rows, st.row_count) : null,
  ]);
}

function renderError(error) {
  const jump = el('button', {
    className: 'link',
    text: `line ${error.line}, column ${error.column}`,
    attrs: { type: 'button' },
  });
  jump.addEventListener('click', () => highlightLine(error.line));
  return el('article', { className: 'statement error', attrs: { role: 'alert' } }, [
    el('header', {}, [el('span', { className: 'badge', text: error.type }), jump]),
    el('p', { className: 'message', text: error.message }),
    error.sql ? el('pre', { className: 'sql', text: error.sql }) : null,
  ]);
}

/** "Hide DDL" / "Hide BEGIN/COMMIT" for the SQL log, remembered across runs. */
function renderLogFilters(log) {
  const boxes = [
    ['hide-ddl', 'Hide DDL'],
    ['hide-tx', 'Hide BEGIN/COMMIT'],
  ].map(([cls, label]) => {
    const input = el('input', { attrs: { type: 'checkbox', 'data-filter': cls } });
    input.checked = settings[cls] === true;
    log.classList.toggle(cls, input.checked);
    input.addEventListener('change', () => {
      settings[cls] = input.checked;
      saveSettings();
      log.classList.toggle(cls, input.checked);
    });
    return el('label', {}, [input, ` ${label}`]);
  });
  return el('div', { className: 'log-filters' }, boxes);
}

/** The last Python run, for "Copy as Markdown". */
let lastRun = null;
/** Called with every Python report shown (web/check.js offers real SQLAlchemy from there). */
const reportHooks = [];

/** The script and the SQL it sent, as Markdown for an issue or a forum post. */
function markdownOf({ source: code, report }) {
  const sql = report.events
    .filter((e) => e.kind === 'sql' && !e.ddl)
    .map((e) => {
      const params = e.many ? `-- ${e.params.length} parameter sets` : `-- ${tupleText(e.params)}`;
      return `${e.sql.trim()}\n${params}`;
    })
    .join('\n\n');
  const out = report.stdout ? `\n\nOutput:\n\n\`\`\`\n${report.stdout.trimEnd()}\n\`\`\`` : '';
  return `\`\`\`python\n${code.trimEnd()}\n\`\`\`\n\nSQL sent (SQLAlchemy ${report.sqlalchemy} on SQLite ${report.sqlite_version}, via SessionLab):\n\n\`\`\`sql\n${sql}\n\`\`\`${out}\n`;
}

function renderPythonReport(report) {
  const nodes = [];
  if (views.has('output')) {
    nodes.push(el('h3', { text: 'Output' }));
    const printed = report.stdout || report.warnings?.length;
    nodes.push(
      printed
        ? el('pre', { className: 'stdout' }, outputNodes(report.stdout, report.warnings))
        : el('pre', { className: 'stdout', text: '(nothing printed)' }),
    );
  }
  if (report.error) {
    const jump = el('button', { className: 'link', text: `line ${report.error.line}`, attrs: { type: 'button' } });
    jump.addEventListener('click', () => highlightLine(report.error.line));
    nodes.push(
      el('article', { className: 'statement error', attrs: { role: 'alert' } }, [
        el('header', {}, [el('span', { className: 'badge', text: report.error.type }), jump]),
        el('pre', { className: 'traceback', text: report.error.traceback }),
        ...(report.error.hint ? [el('p', { className: 'hint', text: `Hint: ${report.error.hint}` })] : []),
      ]),
    );
  }
  const sqlEvents = report.events.filter((e) => e.kind === 'sql');
  if (views.has('sql')) {
    nodes.push(el('h3', { text: `SQL sent (${sqlEvents.length} statement${sqlEvents.length === 1 ? '' : 's'})` }));
    const log = el(
      'ol',
      { className: 'events' },
      report.events.map((e, i) =>
        renderEvent(
          e,
          i,
          highlightLine,
          // Plans come from our engine's last database: none for real SQLAlchemy's runs.
          report.engine === 'sqlalchemy'
            ? null
            : (ev) => client.call('explain', { sql: ev.sql, params: ev.many ? ev.params[0] : ev.params }),
        ),
      ),
    );
    nodes.push(renderLogFilters(log), log);
  }
  const names = Object.keys(report.tables);
  if (names.length && views.has('tables')) {
    const before = report.tables_before ?? null;
    nodes.push(
      el('h3', {
        text: before ? 'Tables after the run (changed cells marked against the setup)' : 'Tables after the run',
      }),
    );
    for (const name of names) {
      const t = report.tables[name];
      const count = t.total_rows ?? t.rows.length;
      nodes.push(el('p', { className: 'table-name', text: `${name} (${count} rows)` }));
      nodes.push(renderTable(t.columns, t.rows, count, before ? (before[name] ?? null) : null));
    }
  }
  if (views.has('session')) nodes.push(...renderSessions(report.sessions ?? []));
  results.replaceChildren(...nodes);
  lastRun = { source: editor.value, report };
  markdownButton.hidden = false;
  const t = report.timing;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  summary.textContent = t
    ? `${plural(sqlEvents.length, 'statement')} · ${formatMs(t.total_ms)} (${formatMs(t.sqlite_ms)} in SQLite, ${formatMs(t.python_ms)} in Python)`
    : `${plural(sqlEvents.length, 'statement')}`;
  const stale = (report.sessions ?? [])
    .flatMap((s) => s.objects)
    .filter((o) => o.attributes.some((a) => a.stale)).length;
  const where = report.error_in === 'setup' ? ' in the setup' : '';
  status.textContent = report.error
    ? `${report.error.type}${where} at line ${report.error.line}: ${report.error.message.split('\n')[0]}`
    : `Ran: ${plural(sqlEvents.length, 'statement')}, ${plural(t?.rows_changed ?? 0, 'row')} changed, ${plural(stale, 'object')} stale.`;
  if (report.error && report.error_in !== 'setup') highlightLine(report.error.line);
  markError(report.error_in === 'setup' ? null : report.error);
  for (const hook of reportHooks) hook(report);
}

function renderReport(report) {
  const nodes = report.statements.map(renderStatement);
  if (report.error) nodes.push(renderError(report.error));
  if (!nodes.length) nodes.push(el('p', { className: 'empty', text: 'No statements to run.' }));
  results.replaceChildren(...nodes);
  markError(report.error);
  const sqliteMs = report.statements.reduce((n, s) => n + s.elapsed_ms, 0);
  const count = report.statements.length;
  summary.textContent = report.error
    ? `${count} statement${count === 1 ? '' : 's'} ran, then ${report.error.type}`
    : `${count} statement${count === 1 ? '' : 's'} · ${formatMs(sqliteMs)} in SQLite · ${formatMs(report.elapsed_ms)} in all`;
  status.textContent = report.error
    ? `Error at line ${report.error.line}: ${report.error.message}`
    : `Ran ${count} statement${count === 1 ? '' : 's'} in ${formatMs(report.elapsed_ms)}.`;
}

/** Runs strategy `index` (after the setup, when there is one). */
function runStrategy(index) {
  const strategy = ws.strategies[index].source;
  if (!ws.setup.trim()) return client.call('runPython', { source: strategy });
  return client.call('runStrategy', { setup: ws.setup, strategy, n: ws.n });
}

/** The request that runs the current Python tab (either engine speaks it), or null for raw SQL. */
function currentRequest() {
  if (mode !== 'python') return null;
  save();
  if (ws.current === 0) return { type: 'runPython', args: { source: ws.setup } };
  const strategy = ws.strategies[ws.current - 1].source;
  if (!ws.setup.trim()) return { type: 'runPython', args: { source: strategy } };
  return { type: 'runStrategy', args: { setup: ws.setup, strategy, n: ws.n } };
}

async function run() {
  if (runButton.disabled) return;
  runButton.disabled = true;
  status.textContent = 'Running…';
  // Indeterminate while a run is in flight (long runs: Cancel is beside it).
  progress.removeAttribute('value');
  progress.hidden = false;
  try {
    if (mode === 'sql') renderReport(await client.call('runSql', { source: editor.value }));
    else if (ws.current === 0) renderPythonReport(await client.call('runPython', { source: ws.setup }));
    else {
      const index = ws.current - 1;
      const started = performance.now();
      const report = await runStrategy(index);
      renderPythonReport(report);
      offerMeasure(index, performance.now() - started, report);
    }
  } catch (err) {
    status.textContent = err.type === 'Cancelled' ? 'Cancelled.' : `${err.name}: ${err.message}`;
  } finally {
    progress.hidden = true;
    runButton.disabled = false;
    downloadButton.hidden = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }
}

function setMode(next) {
  mode = next;
  for (const input of modeInputs) input.checked = input.value === mode;
  document.body.dataset.mode = mode;
  showTab();
}

/** Shows the current tab's text and redraws the tab bar. */
function showTab() {
  errorAt = null;
  editor.value = currentText();
  editor.setLanguage(mode);
  editor.markError(null);
  renderTabs();
  save();
}

const tabs = $('tabs');
const nInput = $('n');
const compareButton = $('compare');

function renderTabs() {
  tabs.hidden = mode !== 'python';
  compareButton.hidden = mode !== 'python' || ws.strategies.length < 2;
  $('sweep').hidden = mode !== 'python' || !ws.setup.trim();
  nInput.value = String(ws.n);
  const names = ['Setup', ...ws.strategies.map((s) => s.name)];
  const buttons = names.map((name, i) => {
    const b = el('button', {
      className: `tab${i === ws.current ? ' current' : ''}${i === 0 && !ws.setup.trim() ? ' empty' : ''}`,
      text: name,
      attrs: { type: 'button', role: 'tab', 'aria-selected': String(i === ws.current), 'data-tab': String(i) },
    });
    b.addEventListener('click', () => {
      save();
      ws.current = i;
      showTab();
    });
    if (i > 0) {
      b.addEventListener('dblclick', () => {
        const name = prompt('Name of this strategy', ws.strategies[i - 1].name);
        if (name?.trim()) {
          ws.strategies[i - 1].name = name.trim();
          renderTabs();
          save();
        }
      });
    }
    return b;
  });
  const add = el('button', { className: 'tab add', text: '+', attrs: { type: 'button', title: 'Add a strategy' } });
  add.addEventListener('click', () => {
    save();
    ws.strategies.push({ name: `Strategy ${ws.strategies.length + 1}`, source: '' });
    ws.current = ws.strategies.length;
    showTab();
  });
  const remove = el('button', {
    className: 'tab remove',
    text: '−',
    attrs: { type: 'button', title: 'Delete this strategy (its code is kept for Restore)' },
  });
  remove.hidden = ws.current === 0 || ws.strategies.length < 2;
  remove.addEventListener('click', () => {
    const gone = ws.strategies[ws.current - 1];
    localStorage.setItem(PREVIOUS_KEY, JSON.stringify({ mode, sql: sources.sql, ws }));
    restoreButton.hidden = false;
    ws.strategies.splice(ws.current - 1, 1);
    ws.current = Math.min(ws.current, ws.strategies.length);
    showTab();
    status.textContent = `Deleted “${gone.name}”; Restore my code brings it back.`;
  });
  // Reordering: the current strategy moves one place left or right.
  const move = (delta, text, title) => {
    const b = el('button', { className: 'tab move', text, attrs: { type: 'button', title, 'aria-label': title } });
    const to = ws.current + delta;
    b.hidden = ws.current === 0 || to < 1 || to > ws.strategies.length;
    b.addEventListener('click', () => {
      save();
      const [s] = ws.strategies.splice(ws.current - 1, 1);
      ws.strategies.splice(to - 1, 0, s);
      ws.current = to;
      showTab();
      save();
      tabs.querySelector(`[data-tab="${to}"]`)?.focus();
    });
    return b;
  };
  tabs.replaceChildren(
    ...buttons,
    add,
    move(-1, '‹', 'Move this strategy left'),
    move(1, '›', 'Move this strategy right'),
    remove,
  );
}

nInput.addEventListener('change', () => {
  const n = Math.round(Number(nInput.value));
  ws.n = Number.isFinite(n) && n >= 0 ? Math.min(n, 1_000_000) : 1000;
  nInput.value = String(ws.n);
  save();
});

/**
 * A lesson made for comparing (a setup and several strategies): let the engine warm up on it in
 * the background while the reader reads, so the first Compare all starts from optimised code.
 * (Lessons only: the reader's own code might loop until the step budget stops it.)
 */
function warmUpFor(workspace) {
  if (!workspace.setup.trim() || workspace.strategies.length < 2) return;
  client.ready
    .then(() => client.call('warmUp', { setup: workspace.setup, strategies: workspace.strategies, n: workspace.n }))
    .catch(() => {});
}

/** Measures strategies in the worker (web/measure.js: warm-up, interleaved repetitions, budget). */
function measureStrategies(strategies, { n = ws.n, onProgress = null, ...options } = {}) {
  return client.call('compare', { setup: ws.setup, strategies, n, ...options }, [], { onProgress });
}

/**
 * Beside a single Run's own time: a button that measures the strategy as Compare all does, with
 * about as many runs as fit in the time budget (at least 3).
 */
function offerMeasure(index, wallMs, report) {
  if (report.error || !report.timing) return;
  const k = Math.min(
    DEFAULTS.maxRepetitions,
    Math.max(DEFAULTS.repetitions, Math.round(DEFAULTS.budgetMs / Math.max(wallMs, 1))),
  );
  const button = el('button', {
    className: 'link measure',
    text: `measure (${k} runs)`,
    attrs: { type: 'button', title: 'Run it again after a warm-up and show the median with min–max' },
  });
  button.addEventListener('click', () => measureOne(index, k));
  summary.append(' · ', button);
}

async function measureOne(index, k) {
  if (runButton.disabled) return;
  runButton.disabled = true;
  const s = ws.strategies[index];
  status.textContent = `Measuring ${s.name}: a warm-up, then ${k} runs…`;
  progress.max = k;
  progress.value = 0;
  progress.hidden = false;
  try {
    const measured = await measureStrategies([s], {
      repetitions: k,
      budgetMs: 0,
      onProgress: ({ round }) => (progress.value = round),
    });
    const [r] = rank(measured.results);
    if (!r.time) {
      status.textContent = `${s.name} failed: ${r.report.error?.type ?? 'no timing'}.`;
      return;
    }
    summary.replaceChildren(
      `${s.name}: ${formatRange(r.time)}, median (min–max) of ${measured.repetitions} runs after a warm-up · SQLite ${formatRange(r.sqlite)} · Python ${formatRange(r.python)}`,
    );
    summary.dataset.repetitions = String(measured.repetitions);
    status.textContent = `Measured ${s.name} ${measured.repetitions} times at N = ${ws.n}: median ${formatMs(r.time.median)}.`;
  } catch (err) {
    status.textContent = err.type === 'Cancelled' ? 'Cancelled.' : `${err.name}: ${err.message}`;
  } finally {
    progress.hidden = true;
    runButton.disabled = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }
}

/** Measures every strategy after the setup and draws them side by side. */
async function compareAll() {
  if (runButton.disabled) return;
  runButton.disabled = true;
  compareButton.disabled = true;
  save();
  progress.max = DEFAULTS.budgetMs;
  progress.value = 0;
  progress.hidden = false;
  status.textContent = `Measuring ${ws.strategies.length} strategies: a warm-up, then repetitions for about ${DEFAULTS.budgetMs / 1000} s…`;
  try {
    const measured = await measureStrategies(ws.strategies, {
      onProgress: ({ round, elapsedMs, budgetMs }) => {
        progress.value = Math.min(elapsedMs, budgetMs);
        status.textContent = `Measuring ${ws.strategies.length} strategies: repetition ${round} (${(elapsedMs / 1000).toFixed(1)} s)…`;
      },
    });
    renderComparison(measured);
  } catch (err) {
    status.textContent = err.type === 'Cancelled' ? 'Cancelled.' : `${err.name}: ${err.message}`;
  } finally {
    progress.hidden = true;
    runButton.disabled = false;
    compareButton.disabled = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }
}

function latency() {
  const v = Number($('latency').value);
  return Number.isFinite(v) ? v : 0;
}

/** The measured strategies ranked, each repetition timed with its simulated network cost. */
function ranked(results) {
  return rank(results, { cost: (sample, r) => sample.total_ms + (r.report?.timing?.statements ?? 0) * latency() });
}

function renderComparison(measured) {
  const rows = ranked(measured.results);
  const ok = rows.filter((r) => r.time);
  const slowest = Math.max(...ok.map((r) => r.time.median), 0.001);
  const body = rows.map((r) => {
    const { name, report } = r;
    const t = report.timing;
    const bar = el('div', { className: 'bar' }, [
      el('span', { className: 'sqlite' }),
      el('span', { className: 'python' }),
    ]);
    if (r.time) {
      bar.children[0].style.width = `${(100 * r.sqlite.median) / slowest}%`;
      bar.children[1].style.width = `${(100 * r.python.median) / slowest}%`;
      bar.append(el('span', { className: 'network' }));
      bar.children[2].style.width = `${(100 * t.statements * latency()) / slowest}%`;
    }
    const details = el('button', { className: 'link', text: name, attrs: { type: 'button' } });
    details.addEventListener('click', () => {
      renderPythonReport(report);
      results.prepend(el('p', { className: 'meta', text: `Details of “${name}” (N = ${ws.n}, its last repetition).` }));
    });
    const range =
      r.ratioRange && r.samples.length > 1 ? ` (${r.ratioRange.min.toFixed(1)}–${r.ratioRange.max.toFixed(1)})` : '';
    const attrs = { 'data-repetitions': String(r.samples.length) };
    if (r.time) attrs['data-median-ms'] = String(r.time.median);
    return el('tr', { className: report.error ? 'failed' : '', attrs }, [
      el('th', { attrs: { scope: 'row' } }, [details]),
      el('td', { className: 'number', text: report.error ? report.error.type : formatRange(r.time) }),
      el('td', { className: 'number', text: r.ratio === null ? '' : `${r.ratio.toFixed(1)}×${range}` }),
      el('td', { className: 'number', text: t ? String(t.statements) : '' }),
      el('td', { className: 'number', text: t ? String(t.rows_changed) : '' }),
      el('td', { className: 'number', text: r.time ? formatRange(r.sqlite) : '' }),
      el('td', { className: 'number', text: r.time ? formatRange(r.python) : '' }),
      el('td', { className: 'chart' }, [bar]),
    ]);
  });
  const head = el('tr', {}, [
    ...['Strategy', 'Time', 'vs fastest', 'Statements', 'Rows changed', 'SQLite', 'Python', 'SQLite / Python'].map(
      (h) => el('th', { text: h, attrs: { scope: 'col' } }),
    ),
  ]);
  const network = latency() ? `, plus a simulated ${latency()} ms per round trip` : '';
  const reps = measured.repetitions;
  results.replaceChildren(
    el('h3', { text: `Compare all: N = ${ws.n}, setup not timed${network}` }),
    el('p', {
      className: 'note repetitions',
      text: `Median (min–max) of ${reps} repetition${reps === 1 ? '' : 's'}, interleaved strategy by strategy after ${measured.warmup} untimed warm-up pass${measured.warmup === 1 ? '' : 'es'}; each repetition re-runs the setup on fresh databases (${(measured.elapsedMs / 1000).toFixed(1)} s in all). “vs fastest” is the ratio of medians, with the range of the per-repetition ratios.`,
    }),
    el('div', { className: 'table-wrap' }, [
      el('table', { className: 'compare', attrs: { 'data-repetitions': String(reps) } }, [
        el('thead', {}, [head]),
        el('tbody', {}, body),
      ]),
    ]),
    el('p', {
      className: 'note',
      text: 'Bars (medians): time inside SQLite (dark), in Python, the ORM and SessionLab (light), and simulated network time (hatched). Click a strategy for its SQL and session.',
    }),
  );
  const best = rows.find((r) => r.fastest);
  summary.textContent = `${rows.length} strategies · ${reps} repetitions · fastest: ${best?.name ?? 'none'}`;
  status.textContent = best
    ? `Compared ${rows.length} strategies at N = ${ws.n} (median of ${reps} repetitions); ${best.name} is fastest.`
    : 'Every strategy failed; click one to see why.';
}
compareButton.addEventListener('click', compareAll);

/** The row counts of the sweep. */
const SWEEP_NS = [100, 1000, 10_000, 100_000];
/** The time budget per N of the sweep (each N still gets at least 3 repetitions). */
const SWEEP_BUDGET_MS = 1000;
const sweepButton = $('sweep');

/** Runs every strategy at each N of the sweep and draws the times as lines. */
async function sweep() {
  if (runButton.disabled) return;
  runButton.disabled = true;
  sweepButton.disabled = true;
  save();
  const chosen = ws.n;
  const series = ws.strategies.map((s) => ({ name: s.name, points: [] }));
  progress.max = SWEEP_NS.length * ws.strategies.length;
  progress.value = 0;
  progress.hidden = false;
  try {
    // At each N the strategies are measured as Compare all measures them (a warm-up, then
    // interleaved repetitions), within a smaller budget per N: the median is drawn, min–max as a band.
    for (const n of SWEEP_NS) {
      status.textContent = `Sweep: measuring at N = ${n.toLocaleString('en')}…`;
      const measured = await measureStrategies(ws.strategies, { n, budgetMs: SWEEP_BUDGET_MS });
      for (const [i, r] of ranked(measured.results).entries()) {
        series[i].points.push(
          r.time
            ? { n, ms: r.time.median, min: r.time.min, max: r.time.max, repetitions: r.samples.length }
            : { n, ms: 0, error: r.report.error?.type ?? 'failed' },
        );
      }
      progress.value += ws.strategies.length;
    }
    const rows = series.map((s) =>
      el('tr', {}, [
        el('th', { text: s.name, attrs: { scope: 'row' } }),
        ...s.points.map((p) =>
          el('td', {
            className: 'number',
            text: p.error ?? formatRange({ median: p.ms, min: p.min, max: p.max, n: p.repetitions }),
          }),
        ),
      ]),
    );
    const head = el('tr', {}, [
      el('th', { text: 'Strategy', attrs: { scope: 'col' } }),
      ...SWEEP_NS.map((n) => el('th', { text: `N = ${n.toLocaleString('en')}`, attrs: { scope: 'col' } })),
    ]);
    results.replaceChildren(
      el('h3', { text: 'Sweep: time as N grows (log scales; setup not timed)' }),
      el('p', {
        className: 'note',
        text: 'Each point is the median of at least 3 interleaved repetitions after a warm-up; the band spans their min–max.',
      }),
      sweepChart(series, SWEEP_NS),
      el('div', { className: 'table-wrap' }, [
        el('table', { className: 'sweep-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)]),
      ]),
    );
    status.textContent = `Swept ${ws.strategies.length} strategies over N = ${SWEEP_NS.map((n) => n.toLocaleString('en')).join(', ')}.`;
  } catch (err) {
    status.textContent = err.type === 'Cancelled' ? 'Cancelled.' : `${err.name}: ${err.message}`;
  } finally {
    ws.n = chosen;
    progress.hidden = true;
    runButton.disabled = false;
    sweepButton.disabled = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }
}
sweepButton.addEventListener('click', sweep);

const editorHooks = {
  onChange: () => {
    errorAt = null;
    save();
  },
  onRun: ({ compare }) => {
    if (options.has('nohotkey')) return;
    // Ctrl/Cmd+Shift+Enter compares every strategy; Ctrl/Cmd+Enter runs the current tab.
    if (compare && mode === 'python' && ws.strategies.length > 1) compareAll();
    else run();
  },
};
let editor = textareaEditor($('source'), editorHooks);
editorBundle.then((bundle) => {
  if (!bundle) return;
  const area = $('source');
  const hadFocus = document.activeElement === area;
  // Whatever was typed while CodeMirror loaded carries over, with the caret and the scroll.
  const text = area.value;
  const selection =
    area.selectionDirection === 'backward'
      ? { anchor: area.selectionEnd, head: area.selectionStart }
      : { anchor: area.selectionStart, head: area.selectionEnd };
  const { scrollTop } = area;
  $('source-label').remove();
  area.remove();
  editor = bundle.createEditor(editorBox, {
    value: text,
    language: mode,
    label: 'Script to run',
    selection,
    scrollTop,
    ...editorHooks,
  });
  editor.markError(errorAt);
  if (embed) editor.setReadOnly(options.has('readonly'));
  if (hadFocus) editor.focus();
  document.body.dataset.editor = 'codemirror';
});

setMode(mode);
for (const input of modeInputs) input.addEventListener('change', () => setMode(input.value));

const lessonSelect = $('lesson');
const explanation = $('lesson-explanation');
const restoreButton = $('restore');
for (const [i, lesson] of lessons.entries()) {
  lessonSelect.append(el('option', { text: lesson.title, attrs: { value: String(i) } }));
}
lessonSelect.addEventListener('change', async () => {
  const lesson = lessons[Number(lessonSelect.value)];
  if (!lesson) return;
  try {
    const text = lesson.file ? await lessonSource(lesson.file) : '';
    // Loading a lesson never loses typed code: it stays one click away.
    save();
    localStorage.setItem(PREVIOUS_KEY, JSON.stringify({ mode, sql: sources.sql, ws }));
    if (lesson.setup) {
      const [setup, ...strategies] = await Promise.all([
        lessonSource(lesson.setup),
        ...lesson.strategies.map((s) => lessonSource(s.file)),
      ]);
      ws = {
        setup,
        strategies: lesson.strategies.map((s, i) => ({ name: s.name, source: strategies[i] })),
        n: lesson.n ?? 1000,
        current: 1,
      };
    } else {
      ws = singleScript(text);
    }
    if (mode !== 'python') setMode('python');
    else showTab();
    if (mode === 'python') warmUpFor(ws);
    explanation.textContent = lesson.explanation;
    explanation.hidden = false;
    restoreButton.hidden = false;
    status.textContent = `Loaded the lesson “${lesson.title}”. Press Run.`;
  } catch (err) {
    status.textContent = `The lesson could not be loaded: ${err.message}`;
  }
  lessonSelect.value = '';
});
restoreButton.addEventListener('click', () => {
  const previous = JSON.parse(localStorage.getItem(PREVIOUS_KEY) ?? 'null');
  if (!previous) return;
  save();
  localStorage.setItem(PREVIOUS_KEY, JSON.stringify({ mode, sql: sources.sql, ws }));
  if (previous.ws) ws = previous.ws;
  if (typeof previous.sql === 'string') sources.sql = previous.sql;
  setMode(previous.mode === 'sql' ? 'sql' : 'python');
  status.textContent = 'Your previous code is back (the lesson can be restored the same way).';
});
restoreButton.hidden = !localStorage.getItem(PREVIOUS_KEY);

const markdownButton = $('markdown');
const exportButton = $('export');
exportButton.addEventListener('click', () => {
  save();
  // The current strategy (the first one while the setup tab is open).
  const index = Math.max(ws.current, 1) - 1;
  const s = ws.strategies[index];
  const text = exportScript({ setup: ws.setup, strategy: s.source, name: s.name, n: ws.n });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-python' }));
  const link = el('a', { attrs: { href: url, download: `sessionlab_${slug(s.name)}.py` } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status.textContent = `Downloaded ${s.name} with its setup as a Python script for real SQLAlchemy.`;
});
markdownButton.addEventListener('click', async () => {
  if (!lastRun) return;
  const text = markdownOf(lastRun);
  document.body.dataset.markdown = text;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied the script and its SQL as Markdown.';
  } catch {
    status.textContent = 'The clipboard is not available here.';
  }
});

const themeButton = $('theme');
const THEMES = ['system', 'light', 'dark'];
function applyTheme() {
  // An embedding frame's `theme` option wins over the reader's own choice.
  const asked = embed ? options.get('theme') : null;
  const theme = THEMES.includes(asked) ? asked : THEMES.includes(settings.theme) ? settings.theme : 'system';
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  themeButton.textContent = `Theme: ${theme}`;
}
themeButton.addEventListener('click', () => {
  const at = THEMES.indexOf(settings.theme ?? 'system');
  settings.theme = THEMES[(at + 1) % THEMES.length];
  saveSettings();
  applyTheme();
});
applyTheme();

$('share').addEventListener('click', async () => {
  save();
  const hash = await encodeWorkspace(mode === 'sql' ? { mode, source: sources.sql } : { mode, ws });
  history.replaceState(null, '', hash);
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = 'Link copied: it holds the whole script, nothing is stored on a server.';
  } catch {
    status.textContent = `Link ready in the address bar (${link.length} characters).`;
  }
  document.body.dataset.shared = link;
});
runButton.addEventListener('click', run);
cancelButton.addEventListener('click', async () => {
  status.textContent = 'Cancelling…';
  await client.restart();
  // The fresh worker has not seen the imported file.
  if (imported) await client.call('importDatabase', { bytes: imported.bytes.slice() });
  status.textContent = 'Cancelled; a fresh engine is ready.';
});

// Databases as files: download what a run left; open a .sqlite file (button or drop) as the
// starting data of later runs.
const downloadButton = $('download-db');
const openInput = $('open-db');
const importedNote = $('imported');
const forgetButton = $('forget-db');
/** The imported file ({name, bytes}), kept to re-send after a worker restart. */
let imported = null;

downloadButton.addEventListener('click', async () => {
  try {
    const bytes = await client.call('exportDatabase');
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.sqlite3' }));
    const link = el('a', { attrs: { href: url, download: 'sessionlab.sqlite' } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    status.textContent = `Nothing to download: ${err.message}`;
  }
});

async function openDatabase(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    await client.call('importDatabase', { bytes: bytes.slice() });
  } catch (err) {
    status.textContent = `${file.name} cannot be opened: ${err.message}`;
    return;
  }
  imported = { name: file.name, bytes };
  importedNote.textContent = `Runs start from ${file.name} (${(bytes.length / 1024).toFixed(1)} KiB)`;
  importedNote.hidden = false;
  forgetButton.hidden = false;
  status.textContent = `Opened ${file.name}: the first database each run opens starts with its tables.`;
}

openInput.addEventListener('change', () => {
  const [file] = openInput.files;
  if (file) openDatabase(file);
  openInput.value = '';
});
forgetButton.addEventListener('click', async () => {
  await client.call('clearImport');
  imported = null;
  importedNote.hidden = true;
  forgetButton.hidden = true;
  status.textContent = 'Runs start from empty databases again.';
});
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  openDatabase(file);
});

if (embed) {
  document.body.classList.add('embed');
  editor.setReadOnly(options.has('readonly'));
  // Tell the host page how tall the content is, so it can size the frame.
  const tell = () =>
    window.parent.postMessage({ type: 'sessionlab:resize', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(tell).observe(document.body);
}

client.ready.then(
  (version) => {
    runButton.disabled = false;
    status.textContent = sharedMessage || `Ready — SessionLab ${version}.`;
    document.body.dataset.ready = 'true';
    if (embed && options.has('autorun')) run();
    // The second engine's actions, when this site was built with it (after ours is up).
    installSqlalchemyCheck({
      request: currentRequest,
      runOurs: () => {
        const request = currentRequest();
        return client.call(request.type, request.args);
      },
      render: renderPythonReport,
      // Compare all with real SQLAlchemy: the workspace, and the comparison view.
      workspace: () => {
        save();
        return { setup: ws.setup, strategies: ws.strategies.map(({ name, source }) => ({ name, source })), n: ws.n };
      },
      renderComparison,
      reportHooks,
      engine: () => ws.engine ?? 'fast',
      setEngine: (engine) => {
        if (engine === 'sqlalchemy') ws.engine = engine;
        else delete ws.engine;
        save();
      },
      isBusy: () => runButton.disabled,
      setBusy: (busy) => {
        runButton.disabled = busy;
      },
    });
  },
  (err) => {
    status.textContent = `The engine failed to load: ${err.message}`;
    document.body.dataset.ready = 'error';
  },
);
