// `npm run bench:server` (and a step of `npm run bench`): SERVER-2's growth
// table, as issue 15 asked of the mock. The Node host is started in this
// process on SQLite in a temporary DATA_DIR and timed over real HTTP on the
// demo data, then again in the same database grown to 100,000 more tickets and
// 5,000 more members. The table goes to stdout, progress to stderr, the raw
// numbers to bench-results/server-growth.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createScryptHasher } from '../server/passwords/scrypt-hasher';
import { type StartedServer, startServer } from '../server/start';
import { DATABASE_FILE } from '../server/store/server-store';
import { clock, moveClock } from './bench/server-growth/bench-clock';
import { addMembers, addTickets, countRows } from './bench/server-growth/grown-data';
import type { Measure, Timing } from './bench/server-growth/growth-measures';
import {
  filedThisHour,
  fileFixtures,
  measuresOf,
  signIn,
  time,
  timingOf,
} from './bench/server-growth/growth-measures';
import type { Results } from './bench/server-growth/growth-report';
import { readsOf, report } from './bench/server-growth/growth-report';
import {
  ADDED_MEMBERS,
  ADDED_TICKETS,
  BENCH_SCRYPT_COST,
  count,
  loadAverage,
  progress,
  RATE_WINDOW_JUMP_MS,
  RESTARTS,
  RESULTS_FILE,
  RUN_BUDGET_MS,
  TARGET_RATIO,
} from './bench/server-growth/growth-settings';
import { median } from './bench/server-growth/loopback-browser';

/** The Node host over DATA_DIR as `npm start` runs it in demo mode, but for the clock and the hash's cost. */
function start(dataDir: string): Promise<StartedServer> {
  return startServer(
    {
      mode: 'demo',
      port: 0,
      dataDir,
      publicOrigin: 'http://localhost',
      // Fixed, so a session outlives a restart as it does on a real server.
      cookieSecret: 'server-growth-bench-cookie-secret-0123456789',
      dataKey: null,
      smtpUrl: null,
      mailFrom: 'no-reply@localhost',
      trustProxy: 0,
      databaseUrl: null,
      appDir: null,
    },
    {
      clock,
      passwords: createScryptHasher(BENCH_SCRYPT_COST),
      log: () => undefined,
      // One address sends everything here; SERVER-9's per-address limits would turn the bench away.
      ipLimits: false,
    },
  );
}

/** SERVER-10's restart over the same database, timed from the close to listening again. */
async function restart(
  host: { server: StartedServer },
  dataDir: string,
  size: string,
): Promise<Timing> {
  const runs: number[] = [];
  for (let run = 0; run < RESTARTS; run += 1) {
    const startedAt = performance.now();
    await host.server.close();
    host.server = await start(dataDir);
    runs.push(performance.now() - startedAt);
  }
  progress(`${size}: restart: ${median(runs).toFixed(1)} ms`);
  return timingOf(runs);
}

async function measureAll(measures: readonly Measure[], size: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const measure of measures) {
    const timing = await time(measure);
    timings.push(timing);
    progress(`${size}: ${measure.label}: ${timing.median.toFixed(1)} ms`);
  }
  return timings;
}

// --- The run ---------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAtMs = performance.now();
  const loadAtStart = loadAverage();
  const dir = await mkdtemp(join(tmpdir(), 'guance-server-bench-'));
  const dataDir = join(dir, 'data');
  const databaseFile = join(dataDir, DATABASE_FILE);
  const watchdog = setTimeout(() => {
    progress(`gave up after ${RUN_BUDGET_MS / 60_000} minutes`);
    process.exitCode = 1;
    void rm(dir, { recursive: true, force: true }).finally(() => process.exit(1));
  }, RUN_BUDGET_MS);
  watchdog.unref();
  const host = { server: await start(dataDir) };
  try {
    progress('timing on the demo data');
    const demoStart = await restart(host, dataDir, 'demo');
    const demoOrigin = `http://127.0.0.1:${host.server.port}`;
    const people = await signIn(demoOrigin);
    const fixtures = await fileFixtures(demoOrigin, people, host.server.backend);
    const demoRows = countRows(databaseFile);
    const demo = await measureAll(measuresOf(demoOrigin, people, fixtures), 'demo');

    progress(
      `adding ${count(ADDED_MEMBERS)} members and ${count(ADDED_TICKETS)} tickets to the same database`,
    );
    const growthStartedAt = performance.now();
    await addMembers(host.server.backend);
    await addTickets(host.server.backend);
    const growthSeconds = (performance.now() - growthStartedAt) / 1000;
    progress('timing on the large data');
    const largeStart = await restart(host, dataDir, 'large');
    const largeOrigin = `http://127.0.0.1:${host.server.port}`;
    // The same people file again: past GUARD-5's hour, with fresh sessions.
    moveClock(RATE_WINDOW_JUMP_MS);
    filedThisHour.clear();
    const largeRows = countRows(databaseFile);
    const measures = measuresOf(largeOrigin, await signIn(largeOrigin), fixtures);
    const large = await measureAll(measures, 'large');

    const results: Results = {
      environment: {
        node: process.version,
        cpus: cpus().length,
        loadAverage1m: { atStart: loadAtStart, atEnd: loadAverage() },
      },
      sizes: { demo: demoRows, large: largeRows },
      growthSeconds,
      wallTimeSeconds: (performance.now() - startedAtMs) / 1000,
      requests: [
        {
          label: 'Server restart (close, open the database, listen)',
          scans: null,
          demo: demoStart,
          large: largeStart,
          ratio: largeStart.median / demoStart.median,
          met: largeStart.median / demoStart.median <= TARGET_RATIO,
          readsAtLarge: 'the meta record',
        },
        ...measures.map((measure, index) => {
          const small = demo[index] as Timing;
          const big = large[index] as Timing;
          const ratio = big.median / small.median;
          return {
            label: measure.label,
            scans: measure.scans ?? null,
            demo: small,
            large: big,
            ratio,
            met: ratio <= TARGET_RATIO,
            readsAtLarge: measure.reads?.(largeRows) ?? readsOf(measure.scans, largeRows),
          };
        }),
      ],
    };
    process.stdout.write(`${report(results)}\n`);
    await mkdir(dirname(RESULTS_FILE), { recursive: true });
    await writeFile(
      RESULTS_FILE,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), ...results }, null, 2)}\n`,
    );
  } finally {
    await host.server.close();
    await rm(dir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

await main();
