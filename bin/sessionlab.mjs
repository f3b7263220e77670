#!/usr/bin/env node
// `npx sessionlab render PAGE.html [-o OUT.html] [--check]`: runs every <session-lab> example
// of a documentation page at build time and writes its output and SQL log into the page as
// static HTML, inside the element: readers without JavaScript, feed readers and search engines
// see real SQL, and the live element (shadow DOM) hides it. `--check` fails (exit 1) when an
// example raises, so CI notices docs that no longer run.
//
// `sessionlab render --json` serves docs tools (the Sphinx extension and the MkDocs plugin):
// one JSON workspace per stdin line, `{setup, strategies: [{name, source}], rows}`, answered by
// one JSON line `{html, failures: [{name, type, message, line, phase}]}` with the same static
// HTML, so a whole docs build compiles the engine once.
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createLab } from '../web/lab.js';
import { needsRealEngine } from '../web/verify.js';

const USAGE = 'usage: sessionlab render PAGE.html [-o OUT.html] [--check] | sessionlab render --json';

const escape = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const unescape = (text) =>
  text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]);

/** A value as Python prints it inside a parameter tuple. */
function pyValue(v) {
  if (v === null) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'object' && 'bytes' in v) return `b'${v.bytes}'`;
  return String(v);
}
const tuple = (values) => `(${values.map(pyValue).join(', ')}${values.length === 1 ? ',' : ''})`;

/** The workspace of one element's inner HTML: setup, strategies, rows. */
export function parseExample(attrs, inner) {
  const scripts = [...inner.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, a]) => /type=["']text\/x-python["']/i.test(a))
    .map(([, a, body]) => ({
      role: /data-role=["']setup["']/i.test(a) ? 'setup' : null,
      name: a.match(/data-strategy=["']([^"']*)["']/i)?.[1] ?? null,
      source: body.replace(/^\n/, '').replace(/\s+$/, '\n'),
    }));
  const setup = scripts.find((s) => s.role === 'setup')?.source ?? null;
  const strategies = scripts
    .filter((s) => s.role !== 'setup')
    .map((s, i) => ({ name: s.name ?? `Script ${i + 1}`, source: s.source }));
  if (!strategies.length) {
    const code = inner.match(/<pre\b[^>]*>(?:\s*<code\b[^>]*>)?([\s\S]*?)(?:<\/code>\s*)?<\/pre>/i);
    if (code) strategies.push({ name: 'Script', source: unescape(code[1]).replace(/\s+$/, '\n') });
  }
  const rows = Number(attrs.match(/\brows=["']?(\d+)/i)?.[1] ?? 1000);
  return { setup, strategies, rows };
}

/** The static HTML of one strategy's report. */
function renderReport(name, report, many) {
  const parts = [];
  if (many) parts.push(`<h4>${escape(name)}</h4>`);
  if (report.stdout) parts.push(`<pre class="output">${escape(report.stdout)}</pre>`);
  if (report.error) parts.push(`<pre class="error">${escape(report.error.traceback)}</pre>`);
  const sql = report.events
    .filter((e) => e.kind === 'sql')
    .map((e) => {
      const params = e.many
        ? `${e.params.length} parameter sets: [${e.params.slice(0, 3).map(tuple).join(', ')}${e.params.length > 3 ? ', …' : ''}]`
        : tuple(e.params);
      return `<li><pre class="sql">${escape(e.sql.trim())}</pre><code class="params">${escape(params)}</code></li>`;
    });
  if (sql.length) parts.push(`<ol class="sql-log">${sql.join('')}</ol>`);
  return parts.join('\n');
}

/** Where an error happened: in the setup or in the strategy (the script). */
function errorPhase(report) {
  return report.error_in === 'setup' ? 'setup' : 'strategy';
}

/**
 * Runs one workspace (each strategy after the setup) and returns its static block, the
 * `<div class="session-lab-static">` placed inside the element, and the strategies that raised.
 */
export function renderWorkspace(lab, ws) {
  const failures = [];
  const rendered = ws.strategies.map(({ name, source }) => {
    const report = lab.run(source, { setup: ws.setup, rows: ws.rows });
    if (report.error) {
      const { type, message, line } = report.error;
      failures.push({
        name,
        type,
        message,
        line: line ?? null,
        phase: errorPhase(report),
        needsRealEngine: needsRealEngine(report),
      });
    }
    return renderReport(name, report, ws.strategies.length > 1);
  });
  const html = `<div class="session-lab-static">\n${rendered.join('\n')}\n</div><!-- /session-lab-static -->`;
  return { html, failures };
}

/** `render --json`: one workspace per stdin line, one result per stdout line. */
async function serveJson() {
  const lab = await createLab();
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let answer;
    try {
      const ws = JSON.parse(line);
      answer = renderWorkspace(lab, {
        setup: ws.setup ?? null,
        strategies: ws.strategies ?? [],
        rows: Number(ws.rows ?? 1000),
      });
    } catch (err) {
      answer = { html: '', failures: [], error: String(err?.message ?? err) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
}

/** Renders every example of `html`; returns the new HTML and the examples that failed. */
export async function renderPage(html) {
  const lab = await createLab();
  const failures = [];
  let index = 0;
  const out = [];
  let last = 0;
  for (const match of html.matchAll(/<session-lab\b([^>]*)>([\s\S]*?)<\/session-lab>/gi)) {
    index += 1;
    const [whole, attrs, inner] = match;
    const ws = parseExample(attrs, inner);
    const cleaned = inner.replace(/\s*<div class="session-lab-static">[\s\S]*?<!-- \/session-lab-static -->/, '');
    const rendered = renderWorkspace(lab, ws);
    for (const f of rendered.failures)
      failures.push({
        example: index,
        name: f.name,
        error: `${f.type}: ${f.message}`,
        needsRealEngine: f.needsRealEngine,
      });
    const block = `\n${rendered.html}\n`;
    out.push(
      html.slice(last, match.index),
      `<session-lab${attrs}>${cleaned.replace(/\s+$/, '')}${block}</session-lab>`,
    );
    last = match.index + whole.length;
  }
  out.push(html.slice(last));
  return { html: out.join(''), examples: index, failures };
}

async function main(args) {
  const [command, ...rest] = args;
  if (command === 'render' && rest.length === 1 && rest[0] === '--json') {
    await serveJson();
    return 0;
  }
  if (command !== 'render' || !rest.length) {
    console.error(USAGE);
    return 2;
  }
  const check = rest.includes('--check');
  const o = rest.indexOf('-o');
  const output = o >= 0 ? rest[o + 1] : null;
  const input = rest.find((a, i) => !a.startsWith('-') && rest[i - 1] !== '-o');
  if (!input || (o >= 0 && !output)) {
    console.error(USAGE);
    return 2;
  }
  let html;
  try {
    html = readFileSync(input, 'utf8');
  } catch (err) {
    console.error(`sessionlab: cannot read ${input}: ${err.message}`);
    return 2;
  }
  const result = await renderPage(html);
  for (const f of result.failures) {
    // Scripts our engine does not implement yet run with real SQLAlchemy (the page's fallback).
    const real = f.needsRealEngine ? ' [needs the real engine: SessionLab does not implement this yet]' : '';
    console.error(`example ${f.example} (${f.name}): ${f.error}${real}`);
  }
  if (output) writeFileSync(output, result.html);
  else if (!check) process.stdout.write(result.html);
  console.error(`sessionlab: rendered ${result.examples} example(s), ${result.failures.length} failed`);
  return check && result.failures.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/sessionlab')) {
  process.exitCode = await main(process.argv.slice(2));
}
