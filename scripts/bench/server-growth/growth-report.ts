// The growth bench's table (SERVER-2), as printed and as the README quotes it.
import { renderTable } from '../render-table';
import type { Rows } from './grown-data';
import type { Scan, Timing } from './growth-measures';
import {
  ADDED_MEMBERS,
  ADDED_TICKETS,
  count,
  MEASURE_BUDGET_MS,
  RESTARTS,
  RUNS,
  TARGET_RATIO,
  WARM_UPS,
  WORKSPACE,
} from './growth-settings';

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const times = (value: number) => `${value.toFixed(2)}x`;

export function readsOf(scan: Scan | undefined, rows: Rows): string {
  switch (scan) {
    case undefined:
      return 'by key and index';
    case 'workspace tickets':
      return `${count(rows.workspaceTickets)} ticket headers + ${count(rows.workspaceRequesters)} requesters`;
    case 'every ticket':
      return `${count(rows.tickets)} ticket headers + ${count(rows.requesters)} requesters`;
    case 'workspace members':
      return `${count(rows.workspaceMembers)} memberships (+ their accounts for the list)`;
  }
}

export interface Results {
  environment: { node: string; cpus: number; loadAverage1m: { atStart: number; atEnd: number } };
  sizes: { demo: Rows; large: Rows };
  growthSeconds: number;
  wallTimeSeconds: number;
  requests: {
    label: string;
    scans: Scan | null;
    demo: Timing;
    large: Timing;
    ratio: number;
    met: boolean;
    readsAtLarge: string;
  }[];
}

export function report(results: Results): string {
  const { atStart, atEnd } = results.environment.loadAverage1m;
  const busy = Math.max(atStart, atEnd) > results.environment.cpus;
  const { demo, large } = results.sizes;
  const missed: string[] = [];
  const rows = results.requests.map((request) => {
    const mark = request.scans ? '*' : '';
    if (!request.met && !request.scans) {
      missed.push(
        `Missed: ${request.label}: ${times(request.ratio)} (${ms(request.demo.median)} -> ${ms(request.large.median)}).`,
      );
    }
    return [
      `${request.label}${mark}`,
      `${ms(request.demo.median)} (${request.demo.runs.length})`,
      `${ms(request.large.median)} (${request.large.runs.length})`,
      times(request.ratio),
      `<= ${times(TARGET_RATIO)}`,
      `${request.met ? 'yes' : 'NO'}${mark}`,
      request.readsAtLarge,
    ];
  });
  return [
    renderTable(
      [
        'Server request (median, runs)',
        'Demo data',
        'Large data',
        'Ratio',
        'Target',
        'Met',
        'Reads at large',
      ],
      rows,
    ),
    '',
    ...missed,
    `* Reads a whole list, as its answer needs today: a workspace's ticket headers and their requesters (its page, search and export), every ticket (the support queue), or a workspace's memberships (its page, its members). These grow with what they list, not within 2x. Paging in the store, reading the index in its order with a limit (workspaceUpdated, requesterCreated) and counting by the index, would bound the lists and the queue; search would need a text index, or a scan bounded by a page of matches; the members list a page of memberships by index; the workspace page a count by index.`,
    `Demo data: ${count(demo.accounts)} accounts, ${count(demo.tickets)} tickets (the bench's own). Large data: the same database with ${count(ADDED_MEMBERS)} more members (each with a session and 2 log entries, half of them in ${WORKSPACE}) and ${count(ADDED_TICKETS)} more tickets (a year of them from those members, 55% closed, 10% canceled, the rest open), ${count(large.tickets)} in all, ${count(large.workspaceTickets)} in ${WORKSPACE}; added in ${results.growthSeconds.toFixed(0)} s.`,
    `Times: the Node host in this process on SQLite (WAL), fetch() over loopback HTTP with keep-alive, to the last byte of the answer; median of up to ${RUNS} runs after ${WARM_UPS} warm-ups, fewer when a measure passed ${MEASURE_BUDGET_MS / 1000} s. The login hashes with scrypt N=2^10 (the tests' cost, not production's N=2^15, p=3), so the store is what it times. "First after a ticket changed": the Owner replies to his ticket before each run (untimed), as any write to the tickets store does on a busy server. Restart: close, then start over the same file until it listens, median of ${RESTARTS}.`,
    `Load average (1 min) ${atStart} at start, ${atEnd} at end, on ${results.environment.cpus} CPUs${busy ? ': the machine was busy, so the times are noisy' : ''}.`,
    `Wall time ${results.wallTimeSeconds.toFixed(0)} s. Raw numbers: bench-results/server-growth.json.`,
  ].join('\n');
}
