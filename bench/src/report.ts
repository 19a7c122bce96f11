// The table and the target checks a run ends with, as plain text for the console and for
// bench/RESULTS.md.
import type { LoadResult } from './load-protocol.js';

export interface Row {
  readonly name: string;
  /** Which process served it: `anchor`, or the Aria variant. */
  readonly server: string;
  readonly result: LoadResult;
  readonly requestsPerSecond: number;
  readonly serverCpu: number;
  /** Set on rows that read the database, divided by the postgres.js anchor. */
  readonly readsDatabase?: boolean;
  readonly baseline?: boolean;
  readonly constantRate?: number;
  /** Measured in alternation with this anchor; its ratio is to that anchor's rate. */
  readonly pairedWith?: { readonly anchor: 'bare' | 'pg'; readonly requestsPerSecond: number };
}

export function ratioToBare(row: Row, bareRps: number): number {
  const paired = row.pairedWith?.anchor === 'bare' ? row.pairedWith.requestsPerSecond : undefined;
  return row.requestsPerSecond / (paired ?? bareRps);
}

export function ratioToPgAnchor(row: Row, anchorDbRps: number): number {
  const paired = row.pairedWith?.anchor === 'pg' ? row.pairedWith.requestsPerSecond : undefined;
  return row.requestsPerSecond / (paired ?? anchorDbRps);
}

export interface Target {
  readonly goal: string;
  readonly value: string;
  readonly met: boolean;
}

/** autocannon records latency in whole milliseconds (truncated): 0 means under 1 ms. */
function wholeMs(value: number): string {
  return value < 1 ? '<1' : value.toFixed(0);
}

export function table(rows: readonly Row[], bareRps: number, anchorDbRps: number): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const header = ['target', 'server', 'req/s', 'beside', 'p50 ms', 'p99 ms', 'non-2xx'];
  header.push('errors', 'srv CPU', '× bare', '× pg anchor');
  const cells = rows.map((row) => [
    row.constantRate ? `${row.name} @ ${row.constantRate}/s` : row.name,
    row.server,
    row.requestsPerSecond.toFixed(0),
    row.pairedWith ? row.pairedWith.requestsPerSecond.toFixed(0) : '',
    wholeMs(row.result.latencyP50Ms),
    wholeMs(row.result.latencyP99Ms),
    String(row.result.non2xx),
    String(row.result.errors + row.result.timeouts),
    percent(row.serverCpu),
    row.constantRate || row.pairedWith?.anchor === 'pg' ? '' : ratioToBare(row, bareRps).toFixed(3),
    row.readsDatabase && !row.constantRate ? ratioToPgAnchor(row, anchorDbRps).toFixed(3) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: readonly string[]) =>
    c
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function targetsText(targets: readonly Target[]): string {
  return targets.map((t) => `${t.met ? 'met    ' : 'NOT MET'}  ${t.goal}: ${t.value}`).join('\n');
}

export function okShare(r: LoadResult): number {
  const attempts = r.responses + r.errors + r.timeouts;
  return attempts === 0 ? 0 : r.ok2xx / attempts;
}
