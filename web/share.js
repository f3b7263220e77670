// Share links: the whole workspace in the URL hash (`#w=…`), deflate-compressed and versioned,
// so a link needs no server and keeps opening in later releases.
//
// Format 1: `#w=` + base64url(deflate-raw(UTF-8(JSON {"v": 1, "mode", "source"}))).
// Format 2: the same with JSON {"v": 2, "mode": "python", "ws": {setup, strategies: [{name,
// source}], n, current, engine?}} for Python workspaces (raw SQL keeps format 1); `engine` is
// 'sqlalchemy' when the reader chose real SQLAlchemy (absent: SessionLab's engine).
// A later format gets a new `v`; decoders keep reading every earlier one.

const PREFIX = '#w=';
export const FORMAT_VERSION = 2;

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(plain, (c) => c.charCodeAt(0));
}

/** The hash (`#w=…`) that reopens `workspace` ({ mode, source }). */
export async function encodeWorkspace({ mode, source, ws }) {
  const json = JSON.stringify(ws ? { v: 2, mode, ws } : { v: 1, mode, source });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/** True when `hash` carries a shared workspace. */
export function isShareHash(hash) {
  return hash.startsWith(PREFIX);
}

/** The workspace in a share hash; throws an Error saying why a link cannot be opened. */
export async function decodeWorkspace(hash) {
  let data;
  try {
    const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('the link is damaged (it may have been cut short when it was copied)');
  }
  if (data?.v !== 1 && data?.v !== 2) {
    throw new Error(`the link uses format ${data?.v}, which this SessionLab does not know (a newer release made it)`);
  }
  if (data.v === 2) {
    const ws = data.ws;
    const valid =
      ws &&
      typeof ws.setup === 'string' &&
      Array.isArray(ws.strategies) &&
      ws.strategies.length > 0 &&
      ws.strategies.every((s) => typeof s?.name === 'string' && typeof s?.source === 'string');
    if (!valid) throw new Error('the link does not hold a workspace');
    const n = Number.isFinite(ws.n) ? ws.n : 1000;
    const current = Number.isInteger(ws.current) ? Math.min(Math.max(ws.current, 0), ws.strategies.length) : 1;
    // `engine: 'sqlalchemy'`: the workspace was run with real SQLAlchemy (web/check.js).
    const engine = ws.engine === 'sqlalchemy' ? { engine: 'sqlalchemy' } : {};
    return { mode: 'python', ws: { setup: ws.setup, strategies: ws.strategies, n, current, ...engine } };
  }
  if (!['python', 'sql'].includes(data.mode) || typeof data.source !== 'string') {
    throw new Error('the link does not hold a workspace');
  }
  return { mode: data.mode, source: data.source };
}
