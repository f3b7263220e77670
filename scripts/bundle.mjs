// Bundles the playground's editor (web/editor.js with CodeMirror 6 from npm) into one minified
// ES module, web/bundle/editor.js, which the page imports; esbuild does it in well under a second.
//
//   node scripts/bundle.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { say } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes web/bundle/editor.js; returns its path. */
export async function bundleEditor() {
  const { build } = await import('esbuild');
  const outfile = join(root, 'web', 'bundle', 'editor.js');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'web', 'editor.js')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'eof',
    outfile,
    logLevel: 'warning',
  });
  const bytes = readFileSync(outfile);
  say(
    `web/bundle/editor.js: ${(bytes.length / 1024).toFixed(1)} KiB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`,
  );
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleEditor();
