// "Export as script": the exported file runs in SessionLab and, where python3 has SQLAlchemy,
// with real SQLAlchemy too, with the same output before the timing line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exportScript, slug } from '../../web/export.js';
import { createLab } from '../../web/lab.js';

const lessons = new URL('../../web/lessons/compare/', import.meta.url);
const setup = readFileSync(new URL('setup.py', lessons), 'utf8');
const strategy = readFileSync(new URL('iterate.py', lessons), 'utf8');
const script = exportScript({ setup, strategy, name: 'Iterate + commit', n: 50 });

/** A python3 with SQLAlchemy, if this machine has one. */
function pythonWithSqlalchemy() {
  for (const python of [process.env.SESSIONLAB_BENCH_PYTHON, '/tmp/sa/bin/python', 'python3'].filter(Boolean)) {
    const probe = spawnSync(python, ['-c', 'import sqlalchemy'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

test('the exported script runs in SessionLab', async () => {
  assert.equal(slug('Iterate + commit'), 'iterate_commit');
  const lab = await createLab();
  const report = lab.run(script);
  assert.equal(report.error, null);
  assert.match(report.stdout, /^1275\nIterate \+ commit: [\d.]+ ms\n$/);
});

test('the exported script runs with real SQLAlchemy', (t) => {
  const python = pythonWithSqlalchemy();
  if (!python) {
    t.skip('no python3 with SQLAlchemy on this machine');
    return;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'sessionlab-export-')), 'iterate.py');
  writeFileSync(file, script);
  const run = spawnSync(python, [file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^1275\nIterate \+ commit: [\d.]+ ms\n$/);
});
