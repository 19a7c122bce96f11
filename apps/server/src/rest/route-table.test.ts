import { describe, expect, it } from 'vitest';
import { jsonOk } from './openapi.js';
import { restRoutesTagged } from './route-table.js';
import { athleteSchema } from './views.js';

const route = restRoutesTagged('Athletes');
const answer = jsonOk(athleteSchema, 'The athlete.');

describe('a REST table row', () => {
  it('is refused where it is declared when its success status is ambiguous', () => {
    const declare = () =>
      route(
        { method: 'get', path: '/both', responses: { 200: answer, 201: answer } },
        { procedure: (api) => api.athletes.get, input: () => undefined },
      );
    expect(declare).toThrow(
      'REST route get /both must declare one success status of 200, 201, not 2',
    );
  });

  it('is refused where it is declared when it has no success status', () => {
    const declare = () =>
      route(
        { method: 'get', path: '/none', responses: { 204: { description: 'Nothing.' } } },
        { procedure: (api) => api.athletes.get, input: () => undefined },
      );
    expect(declare).toThrow('REST route get /none must declare one success status');
  });

  it('is accepted with one', () => {
    const declare = () =>
      route(
        { method: 'get', path: '/one', responses: { 201: answer } },
        { procedure: (api) => api.athletes.get, input: () => undefined },
      );
    expect(declare).not.toThrow();
  });
});
