import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from '../tools/build-for-tests.js';
import { writeRouterTypes } from '../tools/router-types.js';

const cacheDir = path.join(packageDir, 'node_modules', '.cache', 'router-types-test');
const tsconfig = path.join(packageDir, 'tsconfig.json');
/** What the build wrote for the real router (tsdown.config.ts); the global setup built it. */
const publishedRouter = path.join(packageDir, 'node_modules', '.cache', 'router-types.d.ts');
const fixtureOut = path.join(cacheDir, 'fixture-router.d.ts');
let fixtureText: string;

beforeAll(async () => {
  await mkdir(cacheDir, { recursive: true });
  writeRouterTypes({
    tsconfig,
    outFile: fixtureOut,
    routerModule: './src/test-fixtures/router.js',
    routerExport: 'FixtureRouter',
    namedTypes: {},
  });
  fixtureText = await readFile(fixtureOut, 'utf8');
}, 60_000);

/** Type errors of a module that compares a server router with its generated declaration. */
async function comparisonErrors(source: string): Promise<string[]> {
  const file = path.join(cacheDir, 'compare.ts');
  await writeFile(file, source);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  const program = ts.createProgram([file], { ...parsed?.options, noEmit: true });
  const sourceFile = program.getSourceFile(file);
  return ts
    .getPreEmitDiagnostics(program, sourceFile)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const equalityHelpers = `
import type { AnyTRPCRouter, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Same<A extends AnyTRPCRouter, B extends AnyTRPCRouter> = [
  Equal<inferRouterInputs<A>, inferRouterInputs<B>>,
  Equal<inferRouterOutputs<A>, inferRouterOutputs<B>>,
];
`;

describe('router declaration generator', () => {
  it('leaves the server context and its modules out', () => {
    expect(fixtureText).not.toMatch(/SecretDatabase|\bdb\b|import\(/);
    expect(fixtureText).toMatch(/ctx: object/);
    expect(fixtureText).toMatch(/^import type \{[^}]*\} from '@trpc\/server';$/m);
    expect(fixtureText.match(/^import /gm)).toHaveLength(1);
  });

  it('declares named types once, recursive ones included, with their docs', () => {
    expect(fixtureText).toMatch(/export type Json = /);
    expect(fixtureText).toMatch(
      /\/\*\*\n \* One lap of a session\.\n \*\/\nexport interface Lap \{/,
    );
    expect(fixtureText).toMatch(/Laps of one session\./);
    expect(fixtureText).toMatch(/TRPCSubscriptionProcedure</);
  });

  it('gives routers with the same inputs and outputs as the server', async () => {
    const from = (file: string) =>
      JSON.stringify(`./${path.relative(cacheDir, file).replace(/\.(d\.)?ts$/, '.js')}`);
    const errors = await comparisonErrors(`${equalityHelpers}
import type { FixtureRouter } from ${from(path.join(packageDir, 'src/test-fixtures/router.ts'))};
import type { AppRouter as FixtureDeclared } from ${from(fixtureOut)};
import type { AppRouter as Server } from '@aria/api';
import type { AppRouter as Published } from ${from(publishedRouter)};
export const fixture: Same<FixtureRouter, FixtureDeclared> = [true, true];
export const published: Same<Server, Published> = [true, true];
`);
    expect(errors).toEqual([]);
  }, 60_000);
});
