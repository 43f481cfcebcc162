// Which resource an HPA's scaleTargetRef names: the built-in scalable kinds, else discovery's.
import { describe, expect, it } from 'vitest';
import { scaleTargetResource } from './scale-target.js';
import type { DiscoveredResource } from '../../client/discovery.js';

const scalers: DiscoveredResource = { group: 'stable.example.com', version: 'v1', resource: 'scalers', kind: 'Scaler', namespaced: true, verbs: ['get'] };

describe('scaleTargetResource', () => {
  it('maps the built-in kinds without discovery', async () => {
    expect((await scaleTargetResource('apps/v1', 'Deployment')).resource).toBe('deployments');
  });
  it('finds a custom resource through discovery', async () => {
    expect(await scaleTargetResource('stable.example.com/v1', 'Scaler', async () => [scalers])).toBe(scalers);
  });
  it('refuses a kind nothing serves, as the RESTMapper does', async () => {
    await expect(scaleTargetResource('stable.example.com/v1', 'Nope', async () => [scalers])).rejects.toThrow('no matches for kind "Nope" in group "stable.example.com"');
  });
});
