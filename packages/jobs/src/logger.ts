/** The part of a pino logger the jobs use (the server and the worker pass theirs). */
export interface JobLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: JobLogger = { info() {}, warn() {}, error() {} };
