// Attributes a wasm file's code size to SQLite (C) vs Rust, using the name section of the
// un-stripped module cargo writes (target/wasm32-unknown-unknown/release/sessionlab.wasm).
//
//   node bench/browser/wasm-size.mjs [FILE.wasm]
// Prints section sizes and, for function bodies, raw and gzip-6 sizes per category; gzip of a
// category is measured by compressing that category's bodies concatenated (an approximation).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/sessionlab.wasm';
const buf = readFileSync(file);
let p = 8;
const leb = () => {
  let r = 0,
    s = 0,
    b;
  do {
    b = buf[p++];
    r += (b & 0x7f) * 2 ** s;
    s += 7;
  } while (b & 0x80);
  return r;
};
const sections = [];
let importedFuncs = 0;
let code = null;
let data = null;
const names = new Map();
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const start = p;
  let name = [
    'custom',
    'type',
    'import',
    'function',
    'table',
    'memory',
    'global',
    'export',
    'start',
    'element',
    'code',
    'data',
    'datacount',
  ][id];
  if (id === 0) {
    const n = leb();
    name = `custom:${buf.subarray(p, p + n).toString()}`;
    p += n;
    if (name === 'custom:name') {
      while (p < start + size) {
        const sub = buf[p++];
        const sz = leb();
        const end = p + sz;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const idx = leb();
            const l = leb();
            names.set(idx, buf.subarray(p, p + l).toString());
            p += l;
          }
        }
        p = end;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < 2; k++) {
        const l = leb();
        p += l;
      }
      const kind = buf[p++];
      if (kind === 0) {
        leb();
        importedFuncs++;
      } else if (kind === 1) {
        p++;
        const f = buf[p++];
        leb();
        if (f & 1) leb();
      } else if (kind === 2) {
        const f = buf[p++];
        leb();
        if (f & 1) leb();
      } else if (kind === 3) {
        p += 2;
      }
    }
  } else if (id === 10) {
    code = [];
    const count = leb();
    for (let i = 0; i < count; i++) {
      const sz = leb();
      code.push({ index: importedFuncs + i, start: p, size: sz });
      p += sz;
    }
  } else if (id === 11) {
    data = buf.subarray(start, start + size);
  }
  sections.push({ name, size });
  p = start + size;
}

const classify = (n) => {
  if (!n) return 'unnamed';
  if (/fts5|Fts5/.test(n)) return 'C: FTS5';
  if (/rtree|Rtree|geopoly|Geopoly/.test(n)) return 'C: R*Tree/Geopoly';
  if (/^json|Json/.test(n)) return 'C: JSON';
  if (/^sqlite3Session|^sessionAppend|^sqlite3changeset|^sqlite3changegroup|^sqlite3rebaser/.test(n))
    return 'C: session';
  if (/[Ww]indow/.test(n) && !/::/.test(n)) return 'C: window functions';
  if (
    /^(sqlite3|Sqlite|fts5|rtree|json|sqlite)/i.test(n) ||
    (/^[a-z][A-Za-z0-9_]*$/.test(n) && !n.startsWith('_') && !n.includes('::'))
  )
    return 'C (SQLite + libc)';
  if (/^_ZN|^_R|::/.test(n)) {
    if (/serde_wasm_bindgen/.test(n)) return 'Rust: serde-wasm-bindgen';
    if (/serde_json/.test(n)) return 'Rust: serde_json';
    if (/serde/.test(n)) return 'Rust: serde';
    if (/rusqlite/.test(n)) return 'Rust: rusqlite';
    if (/sqlite_wasm_rs/.test(n)) return 'Rust: sqlite-wasm-rs';
    if (/sessionlab/.test(n)) return 'Rust: sessionlab';
    if (/wasm_bindgen|js_sys|web_sys/.test(n)) return 'Rust: wasm-bindgen/js-sys';
    if (/core|alloc|std|dlmalloc|hashbrown/.test(n)) return 'Rust: std/core/alloc';
    return 'Rust: other';
  }
  if (/^__wbg|^__wbindgen|^__externref/.test(n)) return 'Rust: wasm-bindgen/js-sys';
  return 'C (SQLite + libc)';
};
const cats = new Map();
for (const f of code ?? []) {
  const c = classify(names.get(f.index));
  if (!cats.has(c)) cats.set(c, { raw: 0, parts: [], count: 0 });
  const e = cats.get(c);
  e.raw += f.size;
  e.count++;
  e.parts.push(buf.subarray(f.start, f.start + f.size));
}
const total = buf.length;
console.log(
  `${file}: ${total} bytes, gzip-6 ${gzipSync(buf, { level: 6 }).length} bytes; ${names.size} function names`,
);
console.log('\n| section | bytes |\n|---|---|');
for (const s of sections) console.log(`| ${s.name} | ${s.size} |`);
if (data) console.log(`\ndata section gzip-6: ${gzipSync(data, { level: 6 }).length}`);
console.log('\n| code category | functions | raw bytes | gzip-6 bytes (category alone) |\n|---|---|---|---|');
for (const [c, e] of [...cats].sort((a, b) => b[1].raw - a[1].raw)) {
  console.log(`| ${c} | ${e.count} | ${e.raw} | ${gzipSync(Buffer.concat(e.parts), { level: 6 }).length} |`);
}
const top = (code ?? [])
  .map((f) => [names.get(f.index) ?? `#${f.index}`, f.size])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25);
console.log('\nlargest functions:');
for (const [n, s] of top) console.log(`${s}\t${n.slice(0, 140)}`);
