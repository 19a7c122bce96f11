import type { ProcedureLogger } from '../logger.js';

export interface LoggedLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: object;
  readonly message: string;
}

/** A procedure logger that keeps every line (in `lines`, when given), for tests to check. */
export function recordingLogger(
  lines: LoggedLine[] = [],
): ProcedureLogger & { readonly lines: LoggedLine[] } {
  const at =
    (level: LoggedLine['level']) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields, message });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
