// What the server's request log says each request took, for `pnpm bench:profile`.

/**
 * `durationMs` of each request log line for `path` (its query left out), in log order: the
 * time the server itself took, against which the load generator's latency shows what the
 * machine added. Empty when the log level leaves out request lines.
 */
export function serverTimesOf(log: string, path: string): number[] {
  const pathOnly = path.split('?')[0];
  const times: number[] = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('{"')) continue;
    let entry: { msg?: unknown; path?: unknown; durationMs?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // the last line, cut off when the server stopped
    }
    if (
      entry.msg === 'request' &&
      entry.path === pathOnly &&
      typeof entry.durationMs === 'number'
    ) {
      times.push(entry.durationMs);
    }
  }
  return times;
}
