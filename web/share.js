// Share links: the whole workspace in the URL hash (`#w=…`), deflate-compressed and versioned,
// so a link needs no server and keeps opening in later releases.
//
// Format, version 1: `#w=` + base64url(deflate-raw(UTF-8(JSON {"v": 1, "mode", "source"}))).
// A later format gets a new `v`; decoders keep reading every earlier one.

const PREFIX = '#w=';
export const FORMAT_VERSION = 1;

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
export async function encodeWorkspace({ mode, source }) {
  const json = JSON.stringify({ v: FORMAT_VERSION, mode, source });
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
  if (data?.v !== FORMAT_VERSION) {
    throw new Error(`the link uses format ${data?.v}, which this SessionLab does not know (a newer release made it)`);
  }
  if (!['python', 'sql'].includes(data.mode) || typeof data.source !== 'string') {
    throw new Error('the link does not hold a workspace');
  }
  return { mode: data.mode, source: data.source };
}
