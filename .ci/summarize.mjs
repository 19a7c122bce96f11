// Reads vitest's JSON report and prints the one line CI ends with: "N passed, N failed".
// A run fails on any failed, skipped or todo test, on a test file that could not run, and when a
// suite that must run here (real services, built artefacts, infrastructure) ran fewer tests than
// its floor: a suite that silently stops running is a failure, not a smaller green number.
import fs from 'node:fs';

const [reportFile, commandStatus] = [process.argv[2], Number(process.argv[3])];

/** Suites that must run in CI, how to recognise their tests, and the fewest that must pass. */
const requiredSuites = [
  { name: 'real PostgreSQL', minimum: 120, matches: (t) => t.fullName.includes('[postgres]') },
  {
    name: 'Redis through the Upstash bridge',
    minimum: 25,
    matches: (t) =>
      t.fullName.includes('upstash→redis') ||
      t.fullName.includes('[redis]') ||
      t.file.endsWith('/upstash-bridge.test.ts'),
  },
  {
    name: 'built server bundle',
    minimum: 4,
    matches: (t) => t.file.endsWith('/built-server.test.ts') || t.file.endsWith('/main.test.ts'),
  },
  {
    name: 'packed client consumer',
    minimum: 4,
    matches: (t) => t.file.endsWith('/consumer.test.ts'),
  },
  {
    name: 'resilience suite',
    minimum: 100,
    matches: (t) => t.file.includes('/apps/server/src/resilience/'),
  },
  {
    name: 'real-browser tests (chromium)',
    minimum: 2,
    matches: (t) =>
      t.file.endsWith('/docs.browser.test.ts') ||
      (t.file.endsWith('/consumer.test.ts') && /streaming in|renders its weeks/.test(t.fullName)),
  },
  {
    name: 'coach evaluation set',
    minimum: 4,
    matches: (t) => t.file.endsWith('/evaluation.test.ts'),
  },
  {
    name: 'bench smoke run',
    minimum: 1,
    matches: (t) => t.file.endsWith('/bench/src/bench.test.ts'),
  },
  {
    name: 'infrastructure checks',
    minimum: 100,
    matches: (t) => t.file.includes('/infra/checks/'),
  },
];

if (!fs.existsSync(reportFile)) {
  console.error('no vitest report: lint, typecheck or install failed before the tests ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const tests = report.testResults.flatMap((file) =>
  file.assertionResults.map((test) => ({ ...test, file: file.name })),
);
const passed = tests.filter((t) => t.status === 'passed');
const problems = [];

for (const t of tests.filter((t) => t.status === 'failed')) problems.push(`failed: ${t.fullName}`);
for (const t of tests.filter((t) => !['passed', 'failed'].includes(t.status))) {
  problems.push(`${t.status} (not allowed in CI): ${t.fullName}`);
}
for (const f of report.testResults) {
  if (f.status === 'failed' && f.assertionResults.every((t) => t.status !== 'failed')) {
    problems.push(`test file failed to run: ${f.name}\n${f.message ?? ''}`);
  }
}
for (const suite of requiredSuites) {
  const count = passed.filter(suite.matches).length;
  console.error(`${suite.name}: ${count} passed (at least ${suite.minimum} required)`);
  if (count < suite.minimum)
    problems.push(`the ${suite.name} suite ran ${count} tests, fewer than ${suite.minimum}`);
}
if (commandStatus !== 0 && problems.length === 0)
  problems.push(`the test command exited with ${commandStatus}`);

for (const problem of problems) console.error(problem);
console.log(`${passed.length} passed, ${problems.length} failed`);
process.exit(problems.length > 0 ? 1 : 0);
