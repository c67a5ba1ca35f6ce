import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command in the repo root with inherited output; resolves with its exit code. */
export function run(command, args, { env = {}, cwd = REPO_ROOT } = {}) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(command === 'npm' ? NPM : command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('error', rejectRun);
    child.once('exit', (code, signal) => resolveRun(signal ? 1 : (code ?? 1)));
  });
}

export function formatSeconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
