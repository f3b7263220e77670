// `npm run lint`: Biome checks formatting and lint rules of every JS file (biome.json says which).
//   node scripts/lint.mjs          check only (what `npm test` runs)
//   node scripts/lint.mjs --fix    rewrite files to the format and apply safe fixes
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const biome = join(root, 'node_modules', '.bin', 'biome');
const args = process.argv.includes('--fix') ? ['check', '--write', '.'] : ['ci', '.'];
const { code } = await run(biome, args, { cwd: root });
process.exit(code);
