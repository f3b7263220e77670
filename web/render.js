// Rendering shared by the playground page and the <session-lab> element: SQL log entries,
// result tables and the session view, as plain DOM nodes (styled by the including page).

export function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * The printed output with each warning where Python would have written it to stderr
 * (`<playground>:LINE: Category: message`), marked as a warning. Offsets count UTF-8 bytes.
 */
export function outputNodes(stdout, warnings = []) {
  if (!warnings.length) return [document.createTextNode(stdout)];
  const bytes = new TextEncoder().encode(stdout);
  const decoder = new TextDecoder();
  const nodes = [];
  let at = 0;
  for (const w of warnings) {
    const to = Math.min(Math.max(w.stdout_offset ?? at, at), bytes.length);
    if (to > at) nodes.push(document.createTextNode(decoder.decode(bytes.subarray(at, to))));
    at = to;
    nodes.push(el('span', { className: 'warning', text: `<playground>:${w.line}: ${w.category}: ${w.message}\n` }));
  }
  if (at < bytes.length) nodes.push(document.createTextNode(decoder.decode(bytes.subarray(at))));
  return nodes;
}

export function formatMs(ms) {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** A median with its range, `5.12 ms (4.90–6.01)`, from a web/measure.js summary. */
export function formatRange(summary) {
  if (!summary) return '';
  if (!(summary.n > 1)) return formatMs(summary.median);
  return `${formatMs(summary.median)} (${formatMs(summary.min).replace(' ms', '')}–${formatMs(summary.max)})`;
}

export function formatValue(value) {
  if (value === null) return { text: 'NULL', className: 'null' };
  if (typeof value === 'object' && 'bytes' in value) return { text: `x'${value.bytes}'`, className: 'blob' };
  if (typeof value === 'object' && 'float' in value) return { text: value.float, className: 'number' };
  if (typeof value === 'number') return { text: String(value), className: 'number' };
  return { text: String(value), className: 'text' };
}

/**
 * A result table, `pageSize` rows at a time with Previous/Next when there are more. With
 * `before` (the same table as the setup left it), rows are matched by their first column: new
 * rows and changed cells are marked, the old value in the title. `rowCount` is the table's real
 * size when only the first `rows` reached the page.
 */
export function renderTable(columns, rows, rowCount, before = null, pageSize = 100) {
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })),
    ),
  ]);
  const old = new Map((before?.rows ?? []).map((r) => [JSON.stringify(r[0]), r]));
  const renderRow = (row) => {
    const was = before ? old.get(JSON.stringify(row[0])) : undefined;
    return el(
      'tr',
      { className: before && !was ? 'added' : '' },
      row.map((v, i) => {
        const { text, className } = formatValue(v);
        const changed = was !== undefined && JSON.stringify(was[i]) !== JSON.stringify(v);
        const attrs = changed ? { title: `was ${formatValue(was[i]).text}` } : undefined;
        return el('td', { text, className: `${className ?? ''}${changed ? ' changed' : ''}`.trim(), attrs });
      }),
    );
  };
  const body = el('tbody');
  const wrap = el('div', { className: 'table-wrap' }, [el('table', {}, [head, body])]);
  const pages = Math.max(Math.ceil(rows.length / pageSize), 1);
  let page = 0;
  const label = el('span', { className: 'page-label', attrs: { 'aria-live': 'polite' } });
  const prev = el('button', { className: 'page-prev', text: '‹ Previous', attrs: { type: 'button' } });
  const next = el('button', { className: 'page-next', text: 'Next ›', attrs: { type: 'button' } });
  const draw = () => {
    const from = page * pageSize;
    body.replaceChildren(...rows.slice(from, from + pageSize).map(renderRow));
    label.textContent = `Rows ${from + 1}–${Math.min(from + pageSize, rows.length)} of ${rowCount}`;
    prev.disabled = page === 0;
    next.disabled = page === pages - 1;
  };
  prev.addEventListener('click', () => {
    page = Math.max(page - 1, 0);
    draw();
  });
  next.addEventListener('click', () => {
    page = Math.min(page + 1, pages - 1);
    draw();
  });
  draw();
  if (pages > 1) wrap.append(el('div', { className: 'pager' }, [prev, label, next]));
  if (rowCount > rows.length) {
    wrap.append(
      el('p', {
        className: 'note',
        text: `The page holds the first ${rows.length} of ${rowCount} rows; the downloaded database has them all.`,
      }),
    );
  }
  return wrap;
}

export function sqlText(value) {
  if (value === null) return 'None';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object' && 'bytes' in value) return `b'${value.bytes}'`;
  return String(value);
}

/** A parameter set as Python prints a tuple: `()`, `(1,)`, `(1, 'a')`. */
export function tupleText(values) {
  return `(${values.map(sqlText).join(', ')}${values.length === 1 ? ',' : ''})`;
}

/** Why the session sent a statement, in words. */
export function causeText(cause) {
  if (!cause) return '';
  switch (cause.kind) {
    case 'flush':
      return cause.trigger === 'flush' ? 'flush()' : `flush from ${cause.trigger}()`;
    case 'autoflush':
      return 'autoflush before a query';
    case 'lazy_load':
      return `lazy load of ${cause.attribute}`;
    case 'query':
      return 'query';
    case 'eager_load':
      return `${cause.strategy} load of ${cause.attribute}`;
    case 'bulk':
      return `bulk, synchronize_session=${cause.strategy === 'False' ? 'False' : `'${cause.strategy}'`}`;
    case 'ddl':
      return 'schema';
    case 'savepoint':
      return { begin: 'begin_nested()', release: 'nested commit', rollback: 'nested rollback' }[cause.action] ?? '';
    default:
      return '';
  }
}

/**
 * One event of the SQL log. `onLine(line)` is called when its line is clicked; with
 * `onPlan(event)` (a promise of the plan's text), queries get a "Plan" button showing SQLite's
 * EXPLAIN QUERY PLAN beside the statement.
 */
export function renderEvent(event, index, onLine = () => {}, onPlan = null) {
  if (event.kind !== 'sql') {
    const label = { begin: 'BEGIN (implicit)', commit: 'COMMIT', rollback: 'ROLLBACK' }[event.kind];
    return el('li', { className: `event tx ${event.kind}` }, [
      el('span', { className: 'badge', text: label }),
      event.line ? el('span', { className: 'meta', text: `line ${event.line}` }) : null,
    ]);
  }
  const jump = el('button', { className: 'link', text: `line ${event.line}`, attrs: { type: 'button' } });
  jump.addEventListener('click', () => onLine(event.line));
  const item = el('li', { className: `event sql${event.ddl ? ' ddl' : ''}`, attrs: { 'data-index': String(index) } }, [
    el('header', {}, [
      el('span', { className: 'badge', text: event.many ? 'executemany' : 'execute' }),
      jump,
      causeText(event.cause) ? el('span', { className: 'cause', text: causeText(event.cause) }) : null,
      el('span', { className: 'meta', text: formatMs(event.elapsed_ms) }),
      onPlan && isQuery(event) ? planButton(event, onPlan, () => item) : null,
    ]),
    el('pre', { className: 'sql', text: event.sql.trim() }),
    renderParams(event),
  ]);
  return item;
}

/** How many parameter sets an expanded executemany shows at a time. */
const PARAM_CHUNK = 200;

/**
 * A statement's parameters; an executemany's sets are collapsed into "N parameter sets: [first
 * three, …]" and listed when expanded, PARAM_CHUNK at a time.
 */
function renderParams(event) {
  if (!event.many) return el('p', { className: 'params', text: tupleText(event.params) });
  const sets = event.params;
  const first = sets.slice(0, 3).map(tupleText).join(', ');
  const summary = el('summary', {
    text: `${sets.length} parameter sets: [${first}${sets.length > 3 ? ', …' : ''}]`,
  });
  const list = el('ol', { className: 'param-sets' });
  const more = el('button', { className: 'link', attrs: { type: 'button' } });
  const showMore = () => {
    const from = list.childElementCount;
    list.append(...sets.slice(from, from + PARAM_CHUNK).map((set) => el('li', { text: tupleText(set) })));
    const left = sets.length - list.childElementCount;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(left, PARAM_CHUNK)} more (${left} not shown)`;
  };
  more.addEventListener('click', showMore);
  const details = el('details', { className: 'params' }, [summary, list, more]);
  details.addEventListener('toggle', () => {
    if (details.open && !list.childElementCount) showMore();
  });
  return details;
}

/** Statements SQLite can explain (not DDL, PRAGMA or transaction control). */
function isQuery(event) {
  return !event.ddl && /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(event.sql);
}

/** "Plan": asks for the statement's EXPLAIN QUERY PLAN once and shows it under the statement. */
function planButton(event, onPlan, item) {
  const button = el('button', {
    className: 'link plan-button',
    text: 'Plan',
    attrs: { type: 'button', title: "SQLite's EXPLAIN QUERY PLAN for this statement" },
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    let text;
    try {
      text = await onPlan(event);
    } catch (err) {
      text = `No plan: ${err.message}`;
    }
    item().append(el('pre', { className: 'plan', text }));
    button.hidden = true;
  });
  return button;
}

/** One attribute cell: the session's value, with what the session knows about it. */
export function renderAttribute(a) {
  const flags = [];
  if (a.stale) flags.push(el('span', { className: 'flag stale', text: `stale: row has ${a.database}` }));
  if (a.modified) {
    flags.push(el('span', { className: 'flag modified', text: `modified (was ${a.committed ?? 'not loaded'})` }));
  }
  if (a.expired && !a.loaded) flags.push(el('span', { className: 'flag expired', text: 'expired' }));
  const value = a.loaded ? a.value : a.expired ? '—' : 'None';
  return el('td', { className: a.stale ? 'stale' : a.modified ? 'modified' : a.loaded ? '' : 'unloaded' }, [
    el('code', { text: value }),
    ...flags,
  ]);
}

/** One relationship cell: "not loaded", or the collection's count and members. */
function renderRelationship(r) {
  if (!r.loaded) return el('td', { className: 'expired', text: 'not loaded' });
  const members = r.members.join(', ');
  const text = r.count === null ? members || 'None' : `${r.count}: [${members}]`;
  return el('td', { text });
}

/** The session's transaction when the script ended, with its savepoint nesting. */
export function transactionText(s) {
  const nested = (s.savepoints || []).map(
    (name, i) => `${'  '.repeat(i)}└ begin_nested(): ${name ?? 'SAVEPOINT not sent yet'}`,
  );
  if (s.transaction === 'failed') return ['transaction failed: only rollback() is allowed', ...nested].join('\n');
  if (s.transaction === 'active') return ['transaction open (not committed)', ...nested].join('\n');
  return nested.join('\n');
}

/** What each session believed about its objects when the script ended. */
export function renderSessions(sessions) {
  const nodes = [];
  for (const s of sessions) {
    nodes.push(
      el('h3', { text: `Session ${s.number}: ${s.objects.length} object${s.objects.length === 1 ? '' : 's'}` }),
    );
    const tx = transactionText(s);
    if (tx) nodes.push(el('p', { className: 'meta session-tx', text: tx }));
    if (!s.objects.length) {
      nodes.push(el('p', { className: 'empty', text: 'No objects (the session was closed or never loaded any).' }));
      continue;
    }
    const byClass = new Map();
    for (const o of s.objects) {
      if (!byClass.has(o.class)) byClass.set(o.class, []);
      byClass.get(o.class).push(o);
    }
    for (const [name, objects] of byClass) {
      const attrs = objects[0].attributes.map((a) => a.name);
      const rels = (objects[0].relationships || []).map((r) => r.name);
      const head = el('tr', {}, [
        el('th', { text: name }),
        el('th', { text: 'status' }),
        ...attrs.map((a) => el('th', { text: a })),
        ...rels.map((r) => el('th', { text: r })),
      ]);
      const rows = objects
        .slice(0, 200)
        .map((o) =>
          el('tr', { className: `status-${o.status}` }, [
            el('td', { text: o.identity ? `(${o.identity.map(sqlText).join(', ')})` : 'new' }),
            el('td', { text: o.status }),
            ...o.attributes.map(renderAttribute),
            ...(o.relationships || []).map(renderRelationship),
          ]),
        );
      nodes.push(
        el('div', { className: 'table-wrap' }, [
          el('table', { className: 'session' }, [el('thead', {}, [head]), el('tbody', {}, rows)]),
        ]),
      );
      if (objects.length > 200) nodes.push(el('p', { className: 'meta', text: `… ${objects.length - 200} more` }));
    }
  }
  return nodes;
}
