import { describe, expect, it } from 'vitest';
import { routeParts, routeUrl } from './routes';

describe('the contract table’s route keys', () => {
  it('split into method and path', () => {
    expect(routeParts('PUT /api/installs/:id')).toEqual({ method: 'PUT', path: '/api/installs/:id' });
    expect(routeParts('GET /api/installs')).toEqual({ method: 'GET', path: '/api/installs' });
  });

  it('fill every parameter, URI-encoded, and add a query only when one is given', () => {
    expect(routeUrl('GET /api/installs/:id/files/:file', { id: 'a b/c', file: 'hosts.ini' })).toBe('/api/installs/a%20b%2Fc/files/hosts.ini');
    expect(routeUrl('GET /api/installs/:id/cluster', { id: 'x' }, { certificates: '1' })).toBe('/api/installs/x/cluster?certificates=1');
    expect(routeUrl('GET /api/installs/:id/cluster', { id: 'x' }, {})).toBe('/api/installs/x/cluster');
    expect(routeUrl('GET /api/preflight/:runId', { runId: 'r1' })).toBe('/api/preflight/r1');
    expect(routeUrl('GET /api/installs', {})).toBe('/api/installs');
  });
});
