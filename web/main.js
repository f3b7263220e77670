// The playground page: an SQL editor, Run/Cancel, and the results of each statement.
import { LabClient } from './client.js';

const EXAMPLE = `CREATE TABLE t(x);
INSERT INTO t VALUES (1),(2);
UPDATE t SET x = x + 1;
SELECT * FROM t;
`;
const STORAGE_KEY = 'sessionlab.sql.v1';

const $ = (id) => document.getElementById(id);
const source = $('source');
const gutter = $('gutter');
const runButton = $('run');
const cancelButton = $('cancel');
const status = $('status');
const summary = $('summary');
const results = $('results');

/** Creates an element with text content only: data is never parsed as HTML. */
function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

function formatMs(ms) {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

function formatValue(value) {
  if (value === null) return { text: 'NULL', className: 'null' };
  if (typeof value === 'object' && 'bytes' in value) return { text: `x'${value.bytes}'`, className: 'blob' };
  if (typeof value === 'object' && 'float' in value) return { text: value.float, className: 'number' };
  if (typeof value === 'number') return { text: String(value), className: 'number' };
  return { text: String(value), className: 'text' };
}

function updateGutter() {
  const lines = source.value.split('\n').length;
  gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
  gutter.scrollTop = source.scrollTop;
}

/** Selects a 1-based line in the editor, so an error or a statement can be found. */
function highlightLine(line) {
  const lines = source.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  source.focus();
  source.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function renderTable(columns, rows, rowCount) {
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })),
    ),
  ]);
  const body = el(
    'tbody',
    {},
    rows.map((row) =>
      el(
        'tr',
        {},
        row.map((v) => {
          const { text, className } = formatValue(v);
          return el('td', { text, className });
        }),
      ),
    ),
  );
  const wrap = el('div', { className: 'table-wrap' }, [el('table', {}, [head, body])]);
  if (rowCount > rows.length) {
    wrap.append(el('p', { className: 'note', text: `Showing ${rows.length} of ${rowCount} rows.` }));
  }
  return wrap;
}

function renderStatement(st, index) {
  let what = 'done';
  if (st.rowsAffected !== null) what = `${st.rowsAffected} row${st.rowsAffected === 1 ? '' : 's'} affected`;
  else if (st.columns.length) what = `${st.rowCount} row${st.rowCount === 1 ? '' : 's'}`;
  const jump = el('button', { className: 'link', text: `line ${st.line}`, attrs: { type: 'button' } });
  jump.addEventListener('click', () => highlightLine(st.line));
  return el('article', { className: 'statement', attrs: { 'data-index': String(index + 1) } }, [
    el('header', {}, [
      el('span', { className: 'badge', text: `#${index + 1}` }),
      jump,
      el('span', { className: 'meta', text: `${what} · ${formatMs(st.elapsedMs)}` }),
    ]),
    el('pre', { className: 'sql', text: st.sql }),
    st.columns.length ? renderTable(st.columns, st.rows, st.rowCount) : null,
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

function renderReport(report) {
  const nodes = report.statements.map(renderStatement);
  if (report.error) nodes.push(renderError(report.error));
  if (!nodes.length) nodes.push(el('p', { className: 'empty', text: 'No statements to run.' }));
  results.replaceChildren(...nodes);
  const sqliteMs = report.statements.reduce((n, s) => n + s.elapsedMs, 0);
  const count = report.statements.length;
  summary.textContent = report.error
    ? `${count} statement${count === 1 ? '' : 's'} ran, then ${report.error.type}`
    : `${count} statement${count === 1 ? '' : 's'} · ${formatMs(sqliteMs)} in SQLite · ${formatMs(report.elapsedMs)} in all`;
  status.textContent = report.error
    ? `Error at line ${report.error.line}: ${report.error.message}`
    : `Ran ${count} statement${count === 1 ? '' : 's'} in ${formatMs(report.elapsedMs)}.`;
}

const client = new LabClient({
  onWorking: (state) => {
    const running = state === 'start';
    document.body.dataset.running = String(running);
    cancelButton.hidden = !running;
  },
});

async function run() {
  if (runButton.disabled) return;
  runButton.disabled = true;
  status.textContent = 'Running…';
  try {
    renderReport(await client.call('runSql', { source: source.value }));
  } catch (err) {
    status.textContent = err.type === 'Cancelled' ? 'Cancelled.' : `${err.name}: ${err.message}`;
  } finally {
    runButton.disabled = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }
}

source.value = localStorage.getItem(STORAGE_KEY) ?? EXAMPLE;
updateGutter();
source.addEventListener('input', () => {
  updateGutter();
  localStorage.setItem(STORAGE_KEY, source.value);
});
source.addEventListener('scroll', () => {
  gutter.scrollTop = source.scrollTop;
});
source.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    run();
  }
});
runButton.addEventListener('click', run);
cancelButton.addEventListener('click', async () => {
  status.textContent = 'Cancelling…';
  await client.restart();
  status.textContent = 'Cancelled; a fresh engine is ready.';
});

client.ready.then(
  (version) => {
    runButton.disabled = false;
    status.textContent = `Ready — SessionLab ${version}.`;
    document.body.dataset.ready = 'true';
  },
  (err) => {
    status.textContent = `The engine failed to load: ${err.message}`;
    document.body.dataset.ready = 'error';
  },
);
