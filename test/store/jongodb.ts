import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Starts the jongodb server binary from npm (optional dependency, linux-x64 only) and resolves with its URI,
 * which it prints as `JONGODB_URI=...` when ready.
 */
export function jongodbBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@jongodb/memory-server-bin-linux-x64-gnu/package.json');
    const bin = join(dirname(pkg), 'bin', 'jongodb');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export async function startJongodb(timeoutMs = 60_000): Promise<{ uri: string; stop: () => Promise<void> }> {
  const bin = jongodbBinary();
  if (!bin) throw new Error('jongodb binary not installed (optional dependency @jongodb/memory-server-bin-linux-x64-gnu)');
  const child: ChildProcess = spawn(bin, [], { stdio: ['ignore', 'pipe', 'pipe'] });
  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`jongodb did not print JONGODB_URI within ${timeoutMs} ms: ${out}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /JONGODB_URI=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jongodb exited with ${code}: ${out}`));
    });
  });
  return {
    uri,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
