import { type ChildProcess, spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium; no browser is downloaded. */
export const chromiumPath = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  await access(chromiumPath).catch(() => {
    throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Preview {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * `vite preview` of an app built in `appDir`, forwarding /trpc to `ariaOrigin`; resolves
 * once it answers. The app's own Vite (its node_modules) runs it, as `npm run preview` would.
 */
export async function startPreview(appDir: string, ariaOrigin: string): Promise<Preview> {
  const port = await freePort();
  const vite = path.join(appDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: appDir, env: { ...process.env, ARIA_URL: ariaOrigin }, stdio: 'pipe' },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { url, close };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`vite preview did not answer on ${url}:\n${output}`);
}
