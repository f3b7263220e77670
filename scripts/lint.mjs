// `npm run lint`: Prettier checks the formatting and ESLint the rules of every JS file.
//   node scripts/lint.mjs          check only (what `npm test` runs)
//   node scripts/lint.mjs --fix    rewrite files to the format and apply ESLint's safe fixes
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const fix = process.argv.includes('--fix');
const files = ['.'];
const prettier = await run(bin('prettier'), [fix ? '--write' : '--check', ...files], { cwd: root });
const eslint = await run(bin('eslint'), [...(fix ? ['--fix'] : []), ...files], { cwd: root });
process.exit(prettier.code || eslint.code);
