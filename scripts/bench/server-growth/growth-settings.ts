import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/api/limits';
import { TOTP_PERIOD_SECONDS } from '@/backend/domain/limits';

/** The sizes, budgets and settings of the server's growth bench (scripts/bench-server-growth.ts). */

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const RESULTS_FILE = join(ROOT, 'bench-results', 'server-growth.json');

/** What the database grows by: the spec's numbers. */
export const ADDED_MEMBERS = 5_000;
export const ADDED_TICKETS = 100_000;
/** One transaction per batch, like the dev tools' Load a large demo. */
export const MEMBERS_PER_BATCH = 1_000;
export const TICKETS_PER_BATCH = 5_000;
/** The tickets span this long back from now. */
export const TICKET_SPAN_MS = 365 * DAY_MS;

/** Timed requests per measure, after the warm-ups; fewer if the measure's time runs out. */
export const RUNS = 40;
export const WARM_UPS = 3;
export const MIN_RUNS = 5;
export const MEASURE_BUDGET_MS = 6_000;
/** Restarts timed at each size: few, as each one closes and opens the database. */
export const RESTARTS = 3;
/** The whole run gives up past this, cleaning up on the way out. */
export const RUN_BUDGET_MS = 8 * 60_000;

/** SERVER-2: a request on the large data costs at most this many times its cost on the demo data. */
export const TARGET_RATIO = 2;

/**
 * The contract tests' cheap scrypt (tests/server/support/test-server.ts):
 * production's (N=2^15, p=3) would put ~100 ms of hashing in every login and
 * hide the store, which is what grows.
 */
export const BENCH_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

export const WORKSPACE = 'ws_demo';
export const SEARCH = 'dashboard';
export const STEP_MS = TOTP_PERIOD_SECONDS * 1_000;
/** Past GUARD-5's window of 10 tickets an hour per account. */
export const RATE_WINDOW_JUMP_MS = HOUR_MS + MINUTE_MS;
export const TICKETS_PER_HOUR = 10;

export const progress = (message: string) => process.stderr.write(`bench:server: ${message}\n`);
export const loadAverage = () => Number((loadavg()[0] ?? 0).toFixed(2));

/** A row count as the table prints it. */
export const count = (value: number) => value.toLocaleString('en-US');
