// Process helpers shared by the npm scripts: run a command visibly, capture what it printed.
import { spawn, spawnSync } from 'node:child_process';

/** Prints a step announcement so every script says what it does. */
export function say(message) {
  console.log(`\u001b[1m[sessionlab]\u001b[0m ${message}`);
}

/** True when `command` is found on PATH. */
export function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion and returns its stdout (trimmed), or null when it fails. */
export function output(command, args, options = {}) {
  const res = spawnSync(command, args, { encoding: 'utf8', ...options });
  return res.status === 0 ? res.stdout.trim() : null;
}

/**
 * Runs a command with its output shown live and also captured.
 * Resolves to { code, text } (text is stdout and stderr interleaved); never rejects.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let text = '';
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        text += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('error', (err) => resolve({ code: 127, text: `${text}${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

/** Runs a command that must succeed; exits the process with its code otherwise. */
export async function must(command, args, options = {}) {
  const { code } = await run(command, args, options);
  if (code !== 0) {
    console.error(`[sessionlab] failed: ${command} ${args.join(' ')} (exit ${code})`);
    process.exit(code);
  }
}
