import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitAggregated, type AggList } from './legacy.js';
import { apiResources } from './mapper.js';
import { mappingForArg, resourceOfArg } from './resource-arg.js';

// The discovery of a v1.32 cluster, as the real kubectl cached it.
const capture = JSON.parse(readFileSync(new URL('./testdata/kubectl-v1.32.4-cache.json', import.meta.url), 'utf8')) as { api: AggList; apis: AggList };
const split = splitAggregated([capture.api, capture.apis]);
const resources = apiResources(split.groups, split.lists);
const resolved = (arg: string): string | undefined => {
  const r = mappingForArg(resources, arg);
  return r && `${r.resource}.${r.version}.${r.group}`;
};

describe('mappingForArg: builder.mappingFor over the shortcut expander (what the real kubectl v1.32 resolved)', () => {
  it.each([
    ['deploy.v1beta1.apps', 'deployments.v1.apps'], // a short name is expanded without its version
    ['deployments.v1beta1.apps', undefined], // a full name keeps it
    ['deploy.v1.apps', 'deployments.v1.apps'],
    ['deploy.apps', 'deployments.v1.apps'],
    ['deploy.app', 'deployments.v1.apps'], // a group prefix, for a short name
    ['deploy.v1', undefined],
    ['po.v1', undefined],
    ['pods.v1', undefined],
    ['pod.v1.', 'pods.v1.'],
    ['deployment.Apps', undefined], // groups are compared as given
    ['deployments.Apps', undefined],
    ['hpa.v1.autoscaling', 'horizontalpodautoscalers.v2.autoscaling'],
    ['hpa.v2beta2.autoscaling', 'horizontalpodautoscalers.v2.autoscaling'],
    ['horizontalpodautoscalers.v1.autoscaling', 'horizontalpodautoscalers.v1.autoscaling'],
    ['hpa.autoscal', 'horizontalpodautoscalers.v2.autoscaling'],
    ['pdb.v1beta1.policy', 'poddisruptionbudgets.v1.policy'],
    ['Deployment.v1.apps', 'deployments.v1.apps'],
    ['Deployment.apps', 'deployments.v1.apps'],
    ['Deployment', 'deployments.v1.apps'],
    ['po', 'pods.v1.'],
    ['Pods', 'pods.v1.'],
  ])('%s', (arg, want) => {
    expect(resolved(arg)).toBe(want);
  });
  it('names the resource as given when nothing matches', () => {
    expect(resourceOfArg('FOO.bar')).toBe('FOO');
  });
});
