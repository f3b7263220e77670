// The wasm API's declared types (web/pkg/sessionlab.d.ts, from crate/src/wasm.rs) against real
// reports: every key a report carries is declared, and every declared key that is not optional
// is present.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../web/pkg/', import.meta.url);
const { default: init, Lab } = await import(new URL('sessionlab.js', pkg));
await init({ module_or_path: readFileSync(new URL('sessionlab_bg.wasm', pkg)) });
const declarations = readFileSync(new URL('sessionlab.d.ts', pkg), 'utf8');

/** The top-level members of `interface name { … }`: {key: optional}. */
function members(name) {
  const start = declarations.indexOf(`export interface ${name} {`);
  assert.ok(start >= 0, `interface ${name} is declared`);
  let depth = 0;
  let body = '';
  for (const ch of declarations.slice(declarations.indexOf('{', start))) {
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    if (depth === 1 && ch !== '{') body += ch;
    if (depth === 0) break;
  }
  const out = {};
  const text = body.replace(/\/\*\*.*?\*\//gs, '');
  for (const m of text.matchAll(/(?:^|[;\s])([A-Za-z_][A-Za-z0-9_]*)(\??):/g)) out[m[1]] = m[2] === '?';
  return out;
}

function assertMatches(name, value) {
  const declared = members(name);
  for (const key of Object.keys(value)) assert.ok(key in declared, `${name} declares '${key}'`);
  for (const [key, optional] of Object.entries(declared)) {
    if (!optional) assert.ok(key in value, `${name}.${key} is in the report`);
  }
}

const setup = `from sqlalchemy import create_engine, Column, Integer
from sqlalchemy.orm import declarative_base, Session
Base = declarative_base()
class Stuff(Base):
    __tablename__ = "stuff"
    id = Column(Integer, primary_key=True)
    foo = Column(Integer)
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([Stuff(foo=i) for i in range(N)])
session.commit()
`;

test('a run report has exactly the keys RunReport declares', () => {
  const lab = new Lab();
  const report = lab.runStrategy(setup, 'for o in session.query(Stuff):\n    o.foo += 1\nsession.commit()\n', 3);
  assert.equal(report.error, null);
  assertMatches('RunReport', report);
  assert.ok(report.tables_before, 'a run with a setup reports the tables before it');
  assertMatches('SessionSnapshot', report.sessions[0]);
});

test('an error report has the keys ScriptError declares', () => {
  const lab = new Lab();
  const report = lab.runPython('x = 1 +\n');
  assertMatches('ScriptError', report.error);
});

test('a raw-SQL report has the keys SqlReport and StatementReport declare', () => {
  const lab = new Lab();
  const report = lab.runSql('CREATE TABLE t(x); INSERT INTO t VALUES (1);');
  assertMatches('SqlReport', report);
  assertMatches('StatementReport', report.statements[0]);
});
