// `npm run bench:server-speed` (and a step of `npm run bench`): SPEC 13's
// server figures. The server runs as `npm start` runs it, in a process of its
// own (server/main.ts in demo mode, production's scrypt), once on SQLite and
// once on PostgreSQL when PG_BENCH_URL (or PG_TEST_URL) names one; autocannon
// loads it over loopback from this process. The table goes to stdout,
// progress to stderr, the raw numbers to bench-results/server-speed.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { paths } from '@/api/paths';
import { codeAt, stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET, DEMO_PASSWORD } from '@/backend/seed';
import { PRODUCTION_SCRYPT_COST } from '../server/passwords/scrypt-hasher';
import { renderTable } from './bench/render-table';
import { cpuMsOf, startServerProcess } from './bench/speed-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(ROOT, 'bench-results', 'server-speed.json');
/** The bench's ports (4400-4499 are the server benches'): one per engine. */
const PORTS = { SQLite: 4411, PostgreSQL: 4412 } as const;
const PG_URL = process.env.PG_BENCH_URL ?? process.env.PG_TEST_URL ?? '';

/** GET /session as fast as 50 connections can ask: its rate and its p99. */
const SESSION_CONNECTIONS = 50;
const SESSION_SECONDS = 10;
/** GET /session at a steady rate a login storm should not slow, with and without one. */
const STEADY_RATE_PER_SECOND = 200;
const STEADY_CONNECTIONS = 10;
const STORM_SECONDS = 10;
/** Logins in flight at once: more than libuv's four hashing threads, as a storm is. */
const LOGIN_CONNECTIONS = 8;

/** SPEC 13's targets. */
const TARGET_SESSION_RPS_SQLITE = 5_000;
const TARGET_SESSION_P99_MS = 20;
const TARGET_STORM_RATIO = 2;

type Engine = keyof typeof PORTS;

const progress = (message: string) => process.stderr.write(`bench:server-speed: ${message}\n`);
const loadAverage = () => Number((loadavg()[0] ?? 0).toFixed(2));

/** What one autocannon run says, with only 2xx answers counted as served. */
interface Load {
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  /** Answers other than 2xx, by status. */
  refused: Record<string, number>;
  /** Requests with no answer in autocannon's 10 s. */
  timeouts: number;
  /** Connection errors besides the timeouts (autocannon's `errors` counts both). */
  errors: number;
  /** The server's CPU time per 2xx answer, when measured (withCpu). */
  cpuMsPerOk?: number | null;
}

function loadOf(result: Result): Load {
  const refused: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    if (!status.startsWith('2')) refused[status] = Number(count);
  }
  return {
    okPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    refused,
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts,
  };
}

/** Runs `load` and adds the server's CPU milliseconds per 2xx answer to what it says. */
async function withCpu(pid: number | undefined, load: () => Promise<Load>): Promise<Load> {
  const before = await cpuMsOf(pid);
  const result = await load();
  const after = await cpuMsOf(pid);
  const cpuMsPerOk =
    before === null || after === null || result.ok === 0 ? null : (after - before) / result.ok;
  return { ...result, cpuMsPerOk };
}

/** Bob signed in and past his code: the cookie of an active session. */
async function signedInCookie(origin: string): Promise<string> {
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
  const login = await post(paths.session.href, {
    email: 'bob@example.com',
    password: DEMO_PASSWORD,
  });
  const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  if (login.status !== 200 || cookie === '') throw new Error(`login answered ${login.status}`);
  const code = codeAt(BOB_TOTP_SECRET, stepAt(Date.now()));
  const mfa = await post(paths.sessionMfa.href, { code }, cookie);
  if (mfa.status !== 200) throw new Error(`the code answered ${mfa.status}`);
  const rotated = (mfa.headers.get('Set-Cookie') ?? '').split(';')[0];
  return rotated || cookie;
}

function sessionReads(origin: string, cookie: string, rate?: number) {
  return autocannon({
    url: `${origin}${paths.session.href}`,
    headers: { Cookie: cookie, Accept: 'application/json' },
    connections: rate === undefined ? SESSION_CONNECTIONS : STEADY_CONNECTIONS,
    duration: rate === undefined ? SESSION_SECONDS : STORM_SECONDS,
    ...(rate === undefined ? {} : { overallRate: rate }),
  }).then(loadOf);
}

/** Right passwords, each from an address of its own, as many at once as LOGIN_CONNECTIONS. */
function loginStorm(origin: string) {
  let sent = 0;
  return autocannon({
    url: `${origin}${paths.session.href}`,
    connections: LOGIN_CONNECTIONS,
    duration: STORM_SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'carol@example.com', password: DEMO_PASSWORD }),
        setupRequest: (request) => {
          sent += 1;
          const address = `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
          return { ...request, headers: { ...request.headers, 'X-Forwarded-For': address } };
        },
      },
    ],
  }).then(loadOf);
}

interface EngineResult {
  engine: Engine;
  session: Load;
  steady: Load;
  duringStorm: Load;
  logins: Load;
}

async function measureEngine(engine: Engine): Promise<EngineResult> {
  progress(`${engine}: starting the server`);
  const running = await startServerProcess({
    port: PORTS[engine],
    postgresUrl: engine === 'PostgreSQL' ? PG_URL : null,
  });
  try {
    const cookie = await signedInCookie(running.origin);
    // A warm-up, so the first timed second is not the JIT's.
    await autocannon({
      url: `${running.origin}${paths.session.href}`,
      headers: { Cookie: cookie },
      connections: 10,
      duration: 2,
    });
    progress(`${engine}: GET ${paths.session.href} at ${SESSION_CONNECTIONS} connections`);
    const session = await withCpu(running.child.pid, () => sessionReads(running.origin, cookie));
    progress(`${engine}: GET at ${STEADY_RATE_PER_SECOND}/s, then again during a login storm`);
    const steady = await sessionReads(running.origin, cookie, STEADY_RATE_PER_SECOND);
    const [duringStorm, logins] = await Promise.all([
      sessionReads(running.origin, cookie, STEADY_RATE_PER_SECOND),
      loginStorm(running.origin),
    ]);
    return { engine, session, steady, duringStorm, logins };
  } finally {
    await running.cleanUp();
  }
}

// --- The report ---------------------------------------------------------------

const ms = (value: number) => `${value.toFixed(1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
const refusedOf = (loads: Load[]) => {
  const counts: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  for (const load of loads) {
    for (const [status, count] of Object.entries(load.refused)) {
      counts[status] = (counts[status] ?? 0) + count;
    }
    errors += load.errors;
    timeouts += load.timeouts;
  }
  const parts = Object.entries(counts).map(([status, count]) => `${count} x ${status}`);
  if (timeouts > 0) parts.push(`${timeouts} timeouts`);
  if (errors > 0) parts.push(`${errors} connection errors`);
  return parts.length === 0 ? 'none' : parts.join(', ');
};

interface Row {
  measure: string;
  target: string;
  cell(result: EngineResult): string;
  /** Whether one engine met the target; null where it has none, absent for a row without one. */
  met?(result: EngineResult): boolean | null;
}

const stormRatio = (result: EngineResult) => result.duringStorm.p99Ms / result.steady.p99Ms;
const { N, r, p } = PRODUCTION_SCRYPT_COST;

const ROWS: Row[] = [
  {
    measure: `GET ${paths.session.href}, 2xx per second (${SESSION_CONNECTIONS} connections, ${SESSION_SECONDS} s)`,
    target: `>= ${TARGET_SESSION_RPS_SQLITE.toLocaleString('en-US')}/s on SQLite`,
    cell: ({ session }) => perSecond(session.okPerSecond),
    met: ({ engine, session }) =>
      engine === 'SQLite' ? session.okPerSecond >= TARGET_SESSION_RPS_SQLITE : null,
  },
  {
    measure: `GET ${paths.session.href}, p99 at ${SESSION_CONNECTIONS} connections (p50)`,
    target: `<= ${TARGET_SESSION_P99_MS} ms`,
    cell: ({ session }) => `${ms(session.p99Ms)} (${ms(session.p50Ms)})`,
    met: ({ session }) => session.p99Ms <= TARGET_SESSION_P99_MS,
  },
  {
    measure: `GET ${paths.session.href}, server CPU per answer (user + system)`,
    target: '',
    cell: ({ session }) => (session.cpuMsPerOk == null ? 'n/a' : ms(session.cpuMsPerOk)),
  },
  {
    measure: `Logins per second, scrypt N=2^${Math.log2(N)} r=${r} p=${p} (${LOGIN_CONNECTIONS} at once)`,
    target: '',
    cell: ({ logins }) =>
      `${logins.okPerSecond.toFixed(1)}/s (${logins.ok} in ${STORM_SECONDS} s, p50 ${ms(logins.p50Ms)})`,
  },
  {
    measure: `GET ${paths.session.href} p99 at ${STEADY_RATE_PER_SECOND}/s, no logins`,
    target: '',
    cell: ({ steady }) => ms(steady.p99Ms),
  },
  {
    measure: `GET ${paths.session.href} p99 at ${STEADY_RATE_PER_SECOND}/s during the login storm`,
    target: `<= ${TARGET_STORM_RATIO}x without`,
    cell: (result) => `${ms(result.duringStorm.p99Ms)} (${stormRatio(result).toFixed(2)}x)`,
    met: (result) => stormRatio(result) <= TARGET_STORM_RATIO,
  },
  {
    measure: 'Answers other than 2xx (all runs above)',
    target: 'none',
    cell: (result) => refusedOf([result.session, result.steady, result.duringStorm, result.logins]),
    met: (result) =>
      refusedOf([result.session, result.steady, result.duringStorm, result.logins]) === 'none',
  },
];

function report(
  results: Partial<Record<Engine, EngineResult | string>>,
  load: { atStart: number; atEnd: number },
): string {
  const engines: Engine[] = ['SQLite', 'PostgreSQL'];
  const missed: string[] = [];
  const rows = ROWS.map((row) => {
    const cells = engines.map((engine) => {
      const result = results[engine];
      return typeof result === 'object' ? row.cell(result) : 'not measured';
    });
    const met = engines.map((engine) => {
      const result = results[engine];
      const verdict = row.met && typeof result === 'object' ? row.met(result) : null;
      if (verdict === null || typeof result !== 'object') return '-';
      if (verdict) return 'yes';
      missed.push(`Missed on ${engine}: ${row.measure}: ${row.cell(result)}.`);
      return 'NO';
    });
    return [row.measure, ...cells, row.target, row.met ? met.join(' / ') : ''];
  });
  const notMeasured = engines.flatMap((engine) => {
    const result = results[engine];
    return typeof result === 'string' ? [`${engine}: not measured: ${result}.`] : [];
  });
  const busy = Math.max(load.atStart, load.atEnd) > cpus().length;
  return [
    renderTable(
      ['Server speed (SPEC 13)', ...engines, 'Target', 'Met (SQLite / PostgreSQL)'],
      rows,
    ),
    '',
    ...notMeasured,
    ...missed,
    `One server process (server/main.ts, demo mode, JSON log per request, TRUST_PROXY=1) per engine; autocannon ${SESSION_SECONDS} s runs over loopback from the bench's process, on the same CPUs. GET ${paths.session.href} with an active session's cookie (bob, past his code); only 2xx answers count as served. The storm: ${LOGIN_CONNECTIONS} connections sending carol's right password, each request from an address of its own (X-Forwarded-For), for ${STORM_SECONDS} s, while GET ${paths.session.href} runs at ${STEADY_RATE_PER_SECOND}/s on ${STEADY_CONNECTIONS} connections.`,
    `Load average (1 min) ${load.atStart} at start, ${load.atEnd} at end, on ${cpus().length} CPUs${busy ? ': the machine was busy, so the figures run low' : ''}. Raw numbers: bench-results/server-speed.json.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const atStart = loadAverage();
  const results: Partial<Record<Engine, EngineResult | string>> = {};
  results.SQLite = await measureEngine('SQLite');
  results.PostgreSQL =
    PG_URL === ''
      ? 'no PostgreSQL URL (set PG_BENCH_URL)'
      : await measureEngine('PostgreSQL').catch((error: unknown) =>
          error instanceof Error ? error.message : String(error),
        );
  const load = { atStart, atEnd: loadAverage() };
  process.stdout.write(`${report(results, load)}\n`);
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  await writeFile(
    RESULTS_FILE,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), loadAverage1m: load, results }, null, 2)}\n`,
  );
}

await main();
