import { existsSync } from 'node:fs';
import { testServices } from '@aria/config/testing';

/** Debian's `chromium` package; `CHROMIUM_PATH` names another build of Chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags for a headless run as root in a container: no sandbox (it needs user namespaces),
 * no GPU, and none of Chromium's own calls home, so the test stays offline.
 */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Whether the browser suites run here. Without Chromium they are skipped with a printed
 * reason, except in CI (`CI=true`), where they run and fail on the missing browser.
 */
export function browserAvailability(): { run: boolean } {
  if (existsSync(chromiumPath) || testServices().required) return { run: true };
  console.warn(
    `[browser] skipping: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
  return { run: false };
}
