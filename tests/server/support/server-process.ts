import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** How long a server process may take to start on a busy 2-core machine: a ceiling, not a wait. */
const START_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything it wrote to stdout, line by line (its JSON log). */
  lines: string[];
  stderr(): string;
  /** Resolves with the exit code once it has ended. */
  exited: Promise<number | null>;
}

/**
 * Runs server/main.ts as its own Node process (through tsx, so no build is
 * needed), the way `npm start` runs the built bundle: what only a real
 * process shows (its exit code, SIGTERM, kill -9) is tested on one.
 */
export function spawnServer(env: Record<string, string>): {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
  listening: Promise<number>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', APP_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let errors = '';
  let buffered = '';
  let resolvePort: (port: number) => void = () => undefined;
  let rejectPort: (error: Error) => void = () => undefined;
  const listening = new Promise<number>((resolve, reject) => {
    resolvePort = resolve;
    rejectPort = reject;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      const parsed = JSON.parse(line) as { msg?: string; port?: number };
      if (parsed.msg === 'listening' && typeof parsed.port === 'number') resolvePort(parsed.port);
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  void exited.then((code) => rejectPort(new Error(`server exited with ${code}: ${errors}`)));
  const timer = setTimeout(
    () => rejectPort(new Error(`server did not start in time: ${errors}`)),
    START_TIMEOUT_MS,
  );
  void listening.finally(() => clearTimeout(timer)).catch(() => undefined);
  return { child, lines, stderr: () => errors, exited, listening };
}

/** A server process that is up, or the reason it is not. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const spawned = spawnServer(env);
  const port = await spawned.listening;
  return { ...spawned, port };
}
