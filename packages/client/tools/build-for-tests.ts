import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

export const packageDir = path.resolve(import.meta.dirname, '..');

/** Vitest global setup: one `tsdown` build of dist/ before the client's tests run. */
export default async function buildForTests(): Promise<void> {
  const tsdown = createRequire(import.meta.url).resolve('tsdown/run');
  try {
    await promisify(execFile)(process.execPath, [tsdown, '--logLevel', 'warn'], {
      cwd: packageDir,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsdown failed to build @aria/client:\n${stdout}\n${stderr}`);
  }
}
