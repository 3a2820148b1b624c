import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GiveUp, waitFor } from './wait.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built CLI; RASTRO_TEST_CLI points the tests at another build (a snapshot while others rebuild dist/). */
export const CLI = resolve(REPO, process.env.RASTRO_TEST_CLI ?? 'dist/cli/main.js');

/** The tests spawn the built CLI; say how to get it instead of failing with a module-not-found trace. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} does not exist: run \`npm run build\` first (\`npm test\` builds before running vitest)`);
  }
}

/** The child's environment: ours without any Rastro/Redis/Mongo setting, then exactly the given ones. */
export function cliEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(RASTRO_|REDIS_URL$|MONGODB_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, RASTRO_LOG_LEVEL: 'warn', ...settings };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliProcess {
  readonly proc: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves once the process has exited. */
  readonly exited: Promise<Exit>;
  exit(): Exit | null;
}

export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): CliProcess {
  const proc = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exit: Exit | null = null;
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<Exit>((res) => {
    proc.once('exit', (code, signal) => {
      exit = { code, signal };
      res(exit);
    });
  });
  if (proc.pid === undefined) throw new Error(`could not spawn ${CLI}`);
  return { proc, pid: proc.pid, stdout: () => out, stderr: () => err, exited, exit: () => exit };
}

/** Runs a short CLI command to its end (bounded); rejects with its output when it does not exit 0. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ stdout: string; stderr: string }> {
  const child = spawnCli(args, env);
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await child.exited.finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new Error(`rastro ${args.join(' ')} exited ${code ?? signal}${signal === 'SIGKILL' ? ` (killed after ${timeoutMs} ms)` : ''}\n${child.stderr()}`);
  }
  return { stdout: child.stdout(), stderr: child.stderr() };
}

/** `rastro worker`, resolved once it has printed its start line (its BullMQ workers exist). */
export async function startWorker(env: NodeJS.ProcessEnv, extraArgs: readonly string[] = []): Promise<CliProcess> {
  const child = spawnCli(['worker', ...extraArgs], env);
  await waitFor(
    `worker ${child.pid} to start`,
    () => {
      if (child.exit()) throw new GiveUp(`worker ${child.pid} exited early: ${JSON.stringify(child.exit())}\n${child.stderr()}`);
      return /rastro worker \d+: stages/.test(child.stderr());
    },
    { timeoutMs: 180_000 }, // a loaded 2-core machine took 15-60 s to load the extractors
  ).catch((err: unknown) => {
    child.proc.kill('SIGKILL');
    // The worker announces each start phase on stderr: say which one it was stuck in.
    throw new Error(`${(err as Error).message}; its stderr so far:\n${child.stderr() || '(nothing)'}`, { cause: err });
  });
  return child;
}

/** SIGTERM and wait (bounded) for the exit; the caller asserts on the result. */
export async function stopGracefully(child: CliProcess, timeoutMs = 90_000): Promise<Exit> {
  if (child.exit()) return child.exit()!;
  child.proc.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<Exit>((res) => {
    timer = setTimeout(() => {
      child.proc.kill('SIGKILL');
      res({ code: null, signal: 'SIGKILL' });
    }, timeoutMs);
  });
  const exit = await Promise.race([child.exited, killed]);
  clearTimeout(timer);
  return exit;
}

/** For afterEach/afterAll: whatever happened in the test, no child outlives it. */
export async function killAll(children: CliProcess[]): Promise<void> {
  await Promise.all(
    children.splice(0).map(async (c) => {
      if (c.exit()) return;
      c.proc.kill('SIGKILL');
      await Promise.race([c.exited, new Promise((r) => setTimeout(r, 5000))]);
    }),
  );
}

/**
 * Settings for a pipeline that fetches from the local fixture server: loopback allowed by name, no politeness
 * delay (the default two requests in flight per host, shared by every worker through Redis), short retry backoff.
 */
export function pipelineEnv(settings: { redisUrl: string; prefix: string; db: string } & Record<string, string>): NodeJS.ProcessEnv {
  const { redisUrl, prefix, db, ...rest } = settings;
  return cliEnv({
    REDIS_URL: redisUrl,
    RASTRO_QUEUE_PREFIX: prefix,
    RASTRO_DB: db,
    RASTRO_ALLOW_HOSTS: '127.0.0.1',
    RASTRO_HOST_DELAY_MS: '0',
    RASTRO_ATTEMPTS: '3',
    RASTRO_BACKOFF_MS: '200',
    ...rest,
  });
}

/** The children's stderr, for the report of a failed test (vitest `onTestFailed`). */
export function childrenOutput(children: readonly CliProcess[]): string {
  return children.map((c) => `--- rastro pid ${c.pid} exit ${JSON.stringify(c.exit())}\n${c.stderr().slice(-4000)}`).join('\n');
}
