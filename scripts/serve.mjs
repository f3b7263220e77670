// A tiny static file server for dist/ (or any folder) on 127.0.0.1: what `npm start` runs.
//
//   node scripts/serve.mjs [ROOT] [--port N]     serves ROOT (default dist/) and prints the URL
//
// It answers as a static host should (the README's "Serving dist/" says how to configure one):
// the `.br` / `.gz` file that `npm run build` wrote beside a file, when the browser accepts that
// encoding (`Content-Encoding`, `Vary: Accept-Encoding`); names with a content hash in them
// (`sessionlab_bg.0123456789.wasm`) cached for a year as immutable, every other file revalidated
// (`no-cache` with an ETag, so a repeat visit costs a 304 and no bytes).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
  '.sqlite': 'application/vnd.sqlite3',
};

/** A content-hashed name, as scripts/build.mjs fingerprints them: `name.<10 hex>.ext`. */
export const HASHED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;

/** The encodings the request accepts, in our order of preference, among those on disk. */
function pickEncoding(file, accept) {
  const accepted = new Map();
  for (const part of String(accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!(accepted.get(encoding) > 0)) continue;
    try {
      const stat = statSync(file + ext);
      if (stat.isFile()) return { encoding, path: file + ext, stat };
    } catch {
      // no such variant
    }
  }
  return null;
}

/** Whether a compressed variant of `file` exists at all (then every answer varies by encoding). */
function hasVariants(file) {
  return ['.br', '.gz'].some((ext) => {
    try {
      return statSync(file + ext).isFile();
    } catch {
      return false;
    }
  });
}

/** Maps a URL path to a file under `root`, or null when it escapes root or does not exist. */
function locate(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) return locate(root, `${path.replace(/\/?$/, '/')}index.html`);
    return stat.isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * Serves `root` on `host:port` (0: any free port); resolves to { url, close() }. `onResponse`
 * (for the benchmarks) hears of every answer: {url, status, bytes, encoding, at}, `at` being
 * performance.now() when the request arrived.
 */
export function serve({ root = 'dist', host = '127.0.0.1', port = 0, onResponse = null } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const at = performance.now();
    if (onResponse) {
      res.on('finish', () =>
        onResponse({
          url: req.url,
          status: res.statusCode,
          bytes: res.sessionlabSent?.bytes ?? 0,
          encoding: res.sessionlabSent?.encoding ?? null,
          at,
        }),
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = locate(base, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const variant = pickEncoding(file, req.headers['accept-encoding']);
    const path = variant?.path ?? file;
    const stat = variant?.stat ?? statSync(file);
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${variant ? `-${variant.encoding}` : ''}"`;
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      // Cross-origin isolation gives the worker's performance.now() 5 µs resolution, not 100 µs.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    if (variant) headers['Content-Encoding'] = variant.encoding;
    if (variant || hasVariants(file)) headers.Vary = 'Accept-Encoding';
    if (
      String(req.headers['if-none-match'] ?? '')
        .split(/\s*,\s*/)
        .includes(etag)
    ) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['Content-Length'] = stat.size;
    res.sessionlabSent = { bytes: req.method === 'HEAD' ? 0 : stat.size, encoding: variant?.encoding ?? null };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : Number(process.env.PORT ?? 8000);
  const root = args.find((a, i) => !a.startsWith('--') && i !== portAt + 1) ?? 'dist';
  const { url } = await serve({ root, port });
  console.log(`SessionLab is running at ${url}`);
}
