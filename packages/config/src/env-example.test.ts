import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from './schema.js';

describe('.env.example', () => {
  it('names every variable Aria reads, and no other', async () => {
    const text = await readFile(join(import.meta.dirname, '../../../.env.example'), 'utf8');
    const named = [...text.matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map(([, name]) => name);
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
