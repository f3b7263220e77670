// scripts/serve.mjs answers as a static host should: the precompressed variant the browser
// accepts with its Content-Encoding, Vary, ETag revalidation, and a year of caching for hashed names.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fingerprint, precompress } from '../../scripts/build.mjs';
import { serve } from '../../scripts/serve.mjs';

let dir;
let server;
let renamed;
const WASM = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, ...new Array(4000).fill(7)]);
const GLUE = `const url = new URL('sessionlab_bg.wasm', import.meta.url);\n${'// glue\n'.repeat(200)}`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sessionlab-serve-'));
  mkdirSync(join(dir, 'web', 'pkg'), { recursive: true });
  mkdirSync(join(dir, 'web', 'bundle'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<link rel="preload" href="web/pkg/sessionlab_bg.wasm">\n');
  writeFileSync(join(dir, 'web', 'wasm.js'), "new URL('./pkg/sessionlab_bg.wasm', import.meta.url);\n");
  writeFileSync(join(dir, 'web', 'start.js'), "new URL('pkg/sessionlab_bg.wasm', base);\n");
  writeFileSync(join(dir, 'web', 'main.js'), `import('./bundle/editor.js');\n${'// main\n'.repeat(300)}`);
  writeFileSync(join(dir, 'web', 'element.js'), "import('./bundle/editor.js');\n");
  writeFileSync(join(dir, 'web', 'bundle', 'editor.js'), 'export const editor = 1;\n');
  writeFileSync(join(dir, 'web', 'pkg', 'sessionlab.js'), GLUE);
  writeFileSync(join(dir, 'web', 'pkg', 'sessionlab_bg.wasm'), WASM);
  renamed = fingerprint(dir);
  precompress(dir);
  server = await serve({ root: dir });
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the build fingerprints the wasm and the editor bundle and rewrites what names them', () => {
  assert.match(renamed['web/pkg/sessionlab_bg.wasm'], /^web\/pkg\/sessionlab_bg\.[0-9a-f]{10}\.wasm$/);
  assert.match(renamed['web/bundle/editor.js'], /^web\/bundle\/editor\.[0-9a-f]{10}\.js$/);
  const hashed = renamed['web/pkg/sessionlab_bg.wasm'].split('/').at(-1);
  assert.ok(readFileSync(join(dir, 'web', 'pkg', 'sessionlab.js'), 'utf8').includes(`'${hashed}'`));
  assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes(`web/pkg/${hashed}`));
  assert.ok(readFileSync(join(dir, 'web', 'main.js'), 'utf8').includes(renamed['web/bundle/editor.js'].slice(4)));
  assert.ok(readFileSync(join(dir, 'web', 'element.js'), 'utf8').includes(renamed['web/bundle/editor.js'].slice(4)));
  // The plain names stay, for the JS API in Node and copies of web/.
  assert.deepEqual(readFileSync(join(dir, 'web', 'pkg', 'sessionlab_bg.wasm')), WASM);
});

test('brotli when accepted, gzip otherwise, identity for neither; Vary and the right types', async () => {
  const url = new URL('web/pkg/sessionlab.js', server.url);
  const br = await fetch(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.equal(br.headers.get('vary'), 'Accept-Encoding');
  assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
  // fetch decodes the body: it is the file's text.
  const glue = readFileSync(join(dir, 'web', 'pkg', 'sessionlab.js'), 'utf8');
  assert.equal(await br.text(), glue);
  const gz = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  await gz.arrayBuffer();
  const none = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(none.headers.get('content-encoding'), null);
  assert.equal(none.headers.get('content-length'), String(Buffer.byteLength(glue)));
  await none.arrayBuffer();
  const refused = await fetch(url, { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
  assert.equal(refused.headers.get('content-encoding'), 'gzip');
  await refused.arrayBuffer();
});

test('the .br and .gz files decode to the original bytes', () => {
  const name = readdirSync(join(dir, 'web', 'pkg')).find((f) => /^sessionlab_bg\.[0-9a-f]{10}\.wasm$/.test(f));
  const path = join(dir, 'web', 'pkg', name);
  assert.deepEqual(brotliDecompressSync(readFileSync(`${path}.br`)), WASM);
  assert.deepEqual(gunzipSync(readFileSync(`${path}.gz`)), WASM);
});

test('hashed names are cached for a year; others revalidate with an ETag (304, no body)', async () => {
  const name = readdirSync(join(dir, 'web', 'pkg')).find((f) => /^sessionlab_bg\.[0-9a-f]{10}\.wasm$/.test(f));
  const wasm = await fetch(new URL(`web/pkg/${name}`, server.url), { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('content-encoding'), 'br');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.deepEqual(Buffer.from(await wasm.arrayBuffer()), WASM);
  const page = await fetch(server.url, { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const etag = page.headers.get('etag');
  assert.ok(etag);
  await page.arrayBuffer();
  const again = await fetch(server.url, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
});
