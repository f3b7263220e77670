// Installs what building and testing need, idempotently: each check is quick when present.
//
//   node scripts/setup.mjs          what `npm start` needs (wasm32 target, clang, wasm-bindgen-cli)
//   node scripts/setup.mjs --tests  also Chromium, ChromeDriver, the npm dev packages and the
//                                   docs-site test tools (Sphinx, MkDocs…) in target/docs-venv
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has, must, output, run, say } from './proc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The wasm-bindgen version Cargo.lock pins; the CLI must be exactly this version. */
export function lockedWasmBindgenVersion() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const match = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!match) throw new Error('Cargo.lock has no wasm-bindgen package');
  return match[1];
}

async function rustTarget() {
  const installed = output('rustup', ['target', 'list', '--installed']) ?? '';
  if (installed.split('\n').includes('wasm32-unknown-unknown')) return;
  say('adding the Rust target wasm32-unknown-unknown (rustup)');
  await must('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
}

let aptUpdated = false;
async function aptInstall(packages) {
  // CI and the dev machines run as root; elsewhere go through sudo.
  const [cmd, pre] = process.getuid?.() === 0 ? ['apt-get', []] : ['sudo', ['apt-get']];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('updating Debian package lists (apt-get update)');
    await must(cmd, [...pre, 'update', '-q'], { env });
    aptUpdated = true;
  }
  say(`installing Debian packages: ${packages.join(' ')}`);
  await must(cmd, [...pre, 'install', '-y', '-q', ...packages], { env });
}

async function debianTools(withBrowser) {
  const missing = [];
  // sqlite-wasm-rs compiles SQLite's C for wasm32 with clang and archives it with llvm-ar.
  if (!has('clang')) missing.push('clang');
  if (!has('llvm-ar')) missing.push('llvm');
  if (withBrowser && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (withBrowser && !existsSync('/usr/bin/chromedriver')) missing.push('chromium-driver');
  if (missing.length) await aptInstall(missing);
}

async function wasmBindgenCli() {
  const want = lockedWasmBindgenVersion();
  const have = output('wasm-bindgen', ['--version']);
  if (have === `wasm-bindgen ${want}`) return;
  say(`installing wasm-bindgen-cli ${want} to match Cargo.lock (cargo install, a few minutes once)`);
  const args = ['install', 'wasm-bindgen-cli', '--version', want, '--force'];
  const locked = await run('cargo', [...args, '--locked']);
  if (locked.code !== 0) {
    // The CLI's own lock file can name a since-yanked crate; the unlocked resolve still builds it.
    say('the locked install failed; retrying with a fresh resolve of its dependencies');
    await must('cargo', args);
  }
}

async function npmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(lock)) return;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm packages (npm ci)');
  await must('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
}

/** The Python 3 that builds the `sessionlab` package (≥ 3.11, for tomllib), or null. */
export function python() {
  for (const command of ['python3', 'python']) {
    const version = output(command, ['-c', 'import sys; print(sys.version_info >= (3, 11))']);
    if (version === 'True') return command;
  }
  return null;
}

/** The venv of the docs-site tests (its Python runs Sphinx, MkDocs and pytest). */
export const docsVenv = join(root, 'target', 'docs-venv');
export const docsVenvPython = join(docsVenv, 'bin', 'python');

/** Sphinx, Furo, MkDocs, Material, pymdown-extensions and pytest, pinned, in target/docs-venv. */
export async function docsTools() {
  const py = python();
  if (!py) {
    say('no Python ≥ 3.11 on this machine: the docs-site tests (Sphinx, MkDocs) will be skipped');
    return;
  }
  const requirements = join(root, 'integrations', 'python', 'requirements-test.txt');
  const marker = join(docsVenv, '.installed-requirements');
  const wanted = readFileSync(requirements, 'utf8');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  if (output(py, ['-c', 'import ensurepip']) === null) await aptInstall(['python3-venv']);
  say('installing the docs-site test tools into target/docs-venv (pip, pinned versions)');
  await must(py, ['-m', 'venv', '--clear', docsVenv]);
  await must(docsVenvPython, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '-r', requirements]);
  writeFileSync(marker, wanted);
}

/** Installs whatever is missing; `tests` adds the browser, the dev packages and the docs tools. */
export async function setup({ tests = false } = {}) {
  await rustTarget();
  await debianTools(tests);
  await wasmBindgenCli();
  await npmPackages();
  if (tests) await docsTools();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await setup({ tests: process.argv.includes('--tests') });
  say('setup complete');
}
