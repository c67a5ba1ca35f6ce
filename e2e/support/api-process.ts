import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const API_MAIN = join(REPO_ROOT, 'api', 'dist', 'main.js');
const SEED_CLI = join(REPO_ROOT, 'api', 'dist', 'cli', 'seed.js');

export interface ApiProcess {
  child: ChildProcessWithoutNullStreams;
  baseUrl: string;
  /** Everything the process has written to stdout (its JSON log lines). */
  output: () => string;
  stderr: () => string;
  /** Resolves once the process has written a line matching `pattern` to stdout (rejects if it exits first). */
  waitForOutput: (pattern: RegExp) => Promise<void>;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
}

/** A throwaway SQLite file for one test file, removed by the returned cleanup. */
export function throwawaySqlite(): { databaseUrl: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  return { databaseUrl: `sqlite:${join(folder, 'linli.sqlite')}`, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function seedDatabase(databaseUrl: string): void {
  const result = spawnSync(process.execPath, [SEED_CLI], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr}`);
}

/** The fake WeChat server as `npm start` runs it (`node api/dist/cli/fake-wechat.js`), on a free port. */
export function startFakeWechat(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'cli', 'fake-wechat.js')], { env: process.env });
  return new Promise((resolveStart, rejectStart) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /fake wechat listening on (\S+)/.exec(output)?.[1];
      if (url) resolveStart({ url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => rejectStart(new Error(`fake WeChat server exited with ${code}`)));
  });
}

/**
 * The fake WeChat Pay server as `npm start` runs it (`node api/dist/cli/fake-wechat-pay.js`): its URL and the
 * WECHATPAY_* settings (throwaway keys, 模拟支付 on) that point the API at it.
 */
export function startFakeWechatPay(): Promise<{ env: Record<string, string>; stop: () => void }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'cli', 'fake-wechat-pay.js')], { env: process.env });
  return new Promise((resolveStart, rejectStart) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const env = /fake wechat pay env (\{.*\})\n/.exec(output)?.[1];
      if (env) resolveStart({ env: JSON.parse(env) as Record<string, string>, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => rejectStart(new Error(`fake WeChat Pay server exited with ${code}`)));
  });
}

/** Runs the built API (`node api/dist/main.js`) on an ephemeral port and waits for its "listening" log line. */
export function startApi(env: Record<string, string>): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error('api/dist/main.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [API_MAIN], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const waitForOutput = (pattern: RegExp) =>
    new Promise<void>((resolveWait, rejectWait) => {
      const check = () => {
        if (!pattern.test(stdout)) return;
        child.stdout.off('data', check);
        resolveWait();
      };
      child.stdout.on('data', check);
      void exited.then((code) => rejectWait(new Error(`API exited with ${code} before writing ${pattern}`)));
      check();
    });
  const handle: Omit<ApiProcess, 'baseUrl'> = {
    child,
    output: () => stdout,
    stderr: () => stderr,
    waitForOutput,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  return new Promise((resolveStart, rejectStart) => {
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /"port":(\d+)[^\n]*listening on/.exec(stdout)?.[1];
      if (port) resolveStart({ ...handle, baseUrl: `http://127.0.0.1:${port}` });
    });
    void exited.then((code) => rejectStart(new Error(`API exited with ${code} before listening:\n${stderr}\n${stdout}`)));
  });
}
