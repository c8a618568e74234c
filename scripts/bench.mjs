// `npm run bench`: the numbers of SPEC section 13 in one run, printed as one
// table on stdout (progress goes to stderr); the raw numbers go to
// bench-results/bench.json. Everything it measures, it builds in this run.
// Last, with the browser closed, the server's growth table (SERVER-2) from
// scripts/bench-server-growth.ts and its speed table (SPEC 13's server
// figures) from scripts/bench-server-speed.ts, which write their own raw numbers.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, launchChromium } from './bench/browser.mjs';
import { growthTable, measureGrowth } from './bench/growth.mjs';
import { buildConsole, buildEmptyApp } from './bench/build.mjs';
import { runLighthouse } from './bench/lighthouse.mjs';
import { lighthouseRows } from './bench/lighthouse-table.mjs';
import {
  headingShown,
  loginFormShown,
  measureInitialJs,
  measureRouteJs,
} from './bench/page-js.mjs';
import { measureServerPages } from './bench/server-pages.mjs';
import { startStaticServer } from './bench/static-server.mjs';
import { targetsOf } from './bench/targets.mjs';
import { kB, ms, times } from './bench/units.mjs';
import { timeBindConfirm, timeLoginToHome } from './bench/timings.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REAL_BUILD_DIR = join(ROOT, 'dist-real');
const MOCK_BUILD_DIR = join(ROOT, 'dist-bench');
const RESULTS_FILE = join(ROOT, 'bench-results', 'bench.json');
const SERVER_GROWTH_SCRIPT = join(ROOT, 'scripts', 'bench-server-growth.ts');
const SERVER_SPEED_SCRIPT = join(ROOT, 'scripts', 'bench-server-speed.ts');

/** The real backend, as far as /login needs one: nobody is signed in. */
const REAL_BACKEND_STUB = { 'GET /api/v1/session': { state: 'anonymous' } };
const EMPTY_APP_HEADING = 'Empty';
const TIMING_RUNS = 5;
const LIGHTHOUSE_RUNS = 3;
/** Sources kept per initial file in bench.json, as evidence of what a chunk carries. */
const SOURCES_PER_FILE = 5;

/** The two tools from Debian the bench needs besides node_modules; say so before building anything. */
function checkTools() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH`,
    );
  }
  try {
    execFileSync('oathtool', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('No oathtool: apt-get install oathtool');
  }
}

/** Timings and Lighthouse's performance score depend on a quiet machine; the load says whether it was. */
const loadAverage = () => Number(loadavg()[0].toFixed(2));

const progress = (message) => process.stderr.write(`bench: ${message}\n`);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function repeat(count, measure) {
  const runs = [];
  for (let run = 0; run < count; run += 1) runs.push(await measure());
  return { median: median(runs), runs };
}

function withSources(measurement, sourcesByChunk) {
  return {
    ...measurement,
    files: measurement.files.map((file) => ({
      ...file,
      sources: sourcesByChunk[file.file]?.slice(0, SOURCES_PER_FILE) ?? [],
    })),
  };
}

/**
 * A server table: TypeScript run through tsx in a process of its own (it
 * starts the Node host), its progress passed through to stderr and its table
 * returned.
 */
function measureServer(script) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let table = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (table += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(table.trimEnd()) : reject(new Error(`${script}: exit ${code}`)),
    );
  });
}

/** A server table, or the line that says why it is missing; the run then fails. */
async function serverTable(title, script) {
  try {
    return await measureServer(script);
  } catch (error) {
    // The browser's numbers stand on their own; the run still fails.
    process.exitCode = 1;
    return `${title}: not measured: ${error.message}`;
  }
}

/** Builds the three apps, serves them on loopback ports, and measures everything. */
async function measure() {
  const loadAtStart = loadAverage();
  const scratch = await mkdtemp(join(tmpdir(), 'guance-bench-'));
  const servers = [];
  let browser;
  try {
    // The real build has its backend's origin baked in, so that server starts first.
    const real = await startStaticServer({ root: REAL_BUILD_DIR, api: REAL_BACKEND_STUB });
    servers.push(real);
    progress('building the empty React app, the real-backend build and the mock build');
    const emptyDir = join(scratch, 'empty-app');
    await buildEmptyApp(emptyDir);
    const realSources = await buildConsole({ outDir: REAL_BUILD_DIR, apiBaseUrl: real.origin });
    const mockSources = await buildConsole({ outDir: MOCK_BUILD_DIR });
    const empty = await startStaticServer({ root: emptyDir });
    const mock = await startStaticServer({ root: MOCK_BUILD_DIR });
    servers.push(empty, mock);

    browser = await launchChromium();
    const chromium = browser.version();
    progress('measuring JavaScript');
    const floor = await measureInitialJs(
      browser,
      `${empty.origin}/`,
      headingShown(EMPTY_APP_HEADING),
    );
    const realLogin = await measureInitialJs(browser, `${real.origin}/login`, loginFormShown);
    const mockLogin = await measureInitialJs(browser, `${mock.origin}/login`, loginFormShown);
    const routes = await measureRouteJs(browser, mock.origin);

    progress(`timing the bind confirmation and the login, ${TIMING_RUNS} runs each`);
    const bindConfirm = await repeat(TIMING_RUNS, () => timeBindConfirm(browser, mock.origin));
    const logins = [];
    for (let run = 0; run < TIMING_RUNS; run += 1) {
      logins.push(await timeLoginToHome(browser, mock.origin));
    }
    const loginToHome = {
      median: median(logins.map((login) => login.elapsedMs)),
      runs: logins.map((login) => login.elapsedMs),
    };
    const longestTaskDuringLogin = {
      max: Math.max(...logins.map((login) => login.longestTaskMs)),
      runs: logins.map((login) => login.longestTaskMs),
    };
    progress('timing the mock at 0, 1,000 and 10,000 tickets (issue 15)');
    const growth = await measureGrowth(browser, mock.origin, progress);
    await browser.close();
    browser = undefined;

    // With the measuring browser closed: Lighthouse's scores depend on the CPU it gets.
    progress(
      `running Lighthouse (desktop, mobile) on /login and /account, ${LIGHTHOUSE_RUNS} times`,
    );
    const lighthouse = await runLighthouse(mock.origin, LIGHTHOUSE_RUNS);
    // The mock's figures stand on their own; the run still fails.
    const serverLighthouse = await measureServerPages(LIGHTHOUSE_RUNS, progress).catch((error) => {
      process.exitCode = 1;
      return { error: error.message };
    });

    return {
      environment: {
        node: process.version,
        chromium,
        cpus: cpus().length,
        lighthouse: lighthouse.desktop.login.lighthouseVersion,
        loadAverage1m: { atStart: loadAtStart, atEnd: loadAverage() },
      },
      emptyReactApp: floor,
      realBackendBuild: {
        loginInitialJs: {
          ...withSources(realLogin, realSources),
          ratioToEmptyApp: realLogin.gzipBytes / floor.gzipBytes,
        },
      },
      server: { lighthouse: serverLighthouse },
      mockBuild: {
        loginInitialJs: {
          ...withSources(mockLogin, mockSources),
          ratioToEmptyApp: mockLogin.gzipBytes / floor.gzipBytes,
        },
        routeJs: routes,
        lighthouse,
        timingsMs: {
          bindConfirmToBoundHeading: bindConfirm,
          loginSubmitToWorkspaceHome: loginToHome,
          longestMainThreadTaskDuringLogin: longestTaskDuringLogin,
        },
        growth,
      },
    };
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    await rm(scratch, { recursive: true, force: true });
  }
}

function renderTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function report(results, targets, wallTimeSeconds) {
  const { emptyReactApp, realBackendBuild, mockBuild, server, environment } = results;
  const real = realBackendBuild.loginInitialJs;
  const mock = mockBuild.loginInitialJs;
  const { atStart, atEnd } = environment.loadAverage1m;
  const busy = Math.max(atStart, atEnd) > environment.cpus;
  const timing = (label, { median: value, runs }, goal) =>
    row(
      `${label} (median of ${runs.length})`,
      '-',
      `${ms(value)} [${ms(Math.min(...runs))}..${ms(Math.max(...runs))}]`,
      goal,
    );
  const missed = [];
  function row(measure, realCell, mockCell, goal) {
    if (goal && !goal.met) missed.push(`Missed: ${measure}: ${goal.cost}.`);
    return [measure, realCell, mockCell, goal?.target ?? '', goal ? (goal.met ? 'yes' : 'NO') : ''];
  }

  const rows = [
    row(
      'Empty React 19 + react-dom app, JS (gzip): the floor',
      kB(emptyReactApp.gzipBytes),
      kB(emptyReactApp.gzipBytes),
    ),
    row('/login initial JS until the form shows (gzip)', kB(real.gzipBytes), kB(mock.gzipBytes)),
    row(
      '/login initial JS / floor',
      times(real.ratioToEmptyApp),
      times(mock.ratioToEmptyApp),
      targets.realLoginRatio,
    ),
    ...mockBuild.routeJs.map(({ route, gzipBytes }) =>
      row(`Total JS to show ${route} (gzip)`, '-', kB(gzipBytes)),
    ),
    ...lighthouseRows('mock', '', mockBuild.lighthouse, targets, (measure, cell, goal) =>
      row(measure, '-', cell, goal),
    ),
    ...(server.lighthouse.error
      ? [row('Lighthouse, served by the server', `not measured: ${server.lighthouse.error}`, '-')]
      : lighthouseRows(
          'server',
          ', served by the server',
          server.lighthouse,
          targets,
          (measure, cell, goal) => row(measure, cell, '-', goal),
        )),
    timing(
      'Bind: Confirm on a right code -> heading "Save your recovery codes"',
      mockBuild.timingsMs.bindConfirmToBoundHeading,
      targets.bindConfirm,
    ),
    timing(
      'Log in (owner) -> heading "Welcome to Demo Workspace"',
      mockBuild.timingsMs.loginSubmitToWorkspaceHome,
      targets.login,
    ),
    row(
      `Longest main-thread task during the login (max of ${mockBuild.timingsMs.longestMainThreadTaskDuringLogin.runs.length}; 0 = none over 50 ms)`,
      '-',
      `${ms(mockBuild.timingsMs.longestMainThreadTaskDuringLogin.max)} [${mockBuild.timingsMs.longestMainThreadTaskDuringLogin.runs.map(ms).join(', ')}]`,
      targets.longestTask,
    ),
  ];
  for (const [key, goal] of Object.entries(mockBuild.growth.targets)) {
    if (!goal.met)
      missed.push(`Missed: growth ${key} at 10,000 tickets: ${goal.value.toFixed(1)}.`);
  }
  return [
    renderTable(['Measure', 'Real backend', 'Mock (demo)', 'Target', 'Met'], rows),
    '',
    growthTable(mockBuild.growth, renderTable),
    '',
    ...missed,
    'JS: gzip -9 of each JS file Chromium downloaded; for /login, those the page asked for before its heading entered the document. Routes: cold load (no HTTP cache), signed in as owner, until the heading shows and the network is idle.',
    `Lighthouse ${environment.lighthouse}, desktop and mobile presets (simulated throttling; mobile: slow 4G, CPU 4x slower), Chromium ${environment.chromium}: /login cold first visit; /account cold, in the tab owner logged in to. Served by the server: npm run build:server, then node dist-server/node/main.js in demo mode on a fresh data folder, no mock, compressed and long-cached assets.`,
    'Times: performance.now() in the page from the click to the heading in the DOM; mock latency 0; fresh browser context and demo data per run. [min..max] for times, [each run] for scores.',
    `Load average (1 min) ${atStart} at start, ${atEnd} at end, on ${environment.cpus} CPUs${busy ? ': the machine was busy, so the times run long and the performance scores low' : ''}.`,
    `Wall time ${wallTimeSeconds.toFixed(0)} s. Raw numbers: bench-results/bench.json.`,
  ].join('\n');
}

const startedAtMs = performance.now();
checkTools();
const results = await measure();
const targets = targetsOf(results);
const wallTimeSeconds = (performance.now() - startedAtMs) / 1000;
await mkdir(dirname(RESULTS_FILE), { recursive: true });
await writeFile(
  RESULTS_FILE,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), wallTimeSeconds, targets, ...results }, null, 2)}\n`,
);
progress('timing the server on the demo data and at 100,000 tickets (SERVER-2)');
const serverGrowth = await serverTable('Server growth (SERVER-2)', SERVER_GROWTH_SCRIPT);
progress(
  'loading the server with autocannon, on SQLite and on PostgreSQL when PG_BENCH_URL is set',
);
const serverSpeed = await serverTable('Server speed (SPEC 13)', SERVER_SPEED_SCRIPT);
console.log(`${report(results, targets, wallTimeSeconds)}\n\n${serverGrowth}\n\n${serverSpeed}`);
