// `npm pack`: the package a docs site installs holds the engine, the JS API with its types,
// the element, the render command and the README, and none of the development files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('npm pack ships the engine and the embedding files, without dev clutter', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const files = JSON.parse(pack.stdout)[0].files.map((f) => f.path);
  for (const wanted of [
    'web/pkg/sessionlab_bg.wasm',
    'web/pkg/sessionlab.js',
    'web/lab.js',
    'web/lab.d.ts',
    'web/element.js',
    'web/bundle/editor.js',
    'web/worker.js',
    'bin/sessionlab.mjs',
    'index.html',
    'README.md',
    'LICENSE',
  ]) {
    assert.ok(files.includes(wanted), `${wanted} is in the package`);
  }
  const clutter = files.filter((f) => /^(crate|tests|scripts|bench|target|dist|node_modules)\//.test(f));
  assert.deepEqual(clutter, []);
});
