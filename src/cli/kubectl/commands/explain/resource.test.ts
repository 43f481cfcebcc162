// How explain splits TYPE.field.field: cases observed on the real kubectl v1.32.4 against a
// kubedojo cluster (`kubectl explain <arg>`; the KIND/VERSION it printed and the field it
// complained about, or its error), replayed on a discovery list of the same shape.
import { describe, expect, it } from 'vitest';
import type { ApiResource } from '../../discovery/mapper.js';
import { splitResourceRequest, splitWithMatchingPrefix } from './resource.js';

const res = (group: string, version: string, resource: string, kind: string, shortNames: string[] = [], preferred = true): ApiResource => ({
  group, version, resource, kind, singular: kind.toLowerCase(), shortNames, namespaced: true, categories: [], verbs: [], preferred,
});

const ALL: ApiResource[] = [
  res('', 'v1', 'pods', 'Pod', ['po']),
  res('', 'v1', 'events', 'Event', ['ev']),
  res('apps', 'v1', 'deployments', 'Deployment', ['deploy']),
  res('events.k8s.io', 'v1', 'events', 'Event', ['ev']),
  res('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', ['hpa']),
  res('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', ['hpa'], false),
];

type Want = { gv: string; resource: string; path: string[]; warnings?: string[] } | { error: string };

const PREFIX: [string, Want][] = [
  ['pods', { gv: '/v1', resource: 'pods', path: [] }],
  ['pods.', { gv: '/v1', resource: 'pods', path: [] }],
  ['po.spec.containers', { gv: '/v1', resource: 'pods', path: ['spec', 'containers'] }],
  ['PODS.spec', { gv: '/v1', resource: 'pods', path: ['spec'] }],
  ['Pod', { gv: '/v1', resource: 'pods', path: [] }],
  ['deployments.apps.spec', { gv: 'apps/v1', resource: 'deployments', path: ['spec'] }],
  ['deployments.appsx', { gv: 'apps/v1', resource: 'deployments', path: [] }],
  ['deployments.v1.apps', { gv: 'apps/v1', resource: 'deployments', path: ['v1', 'apps'] }],
  ['events.events.k8s.io', { gv: '/v1', resource: 'events', path: ['events', 'k8s', 'io'] }],
  ['hpa', { gv: 'autoscaling/v2', resource: 'horizontalpodautoscalers', path: [] }],
  ['ev', { gv: '/v1', resource: 'events', path: [], warnings: ['Warning: short name "ev" could also match lower priority resource events.events.k8s.io\n'] }],
  ['Deploy', { error: 'the server doesn\'t have a resource type "Deploy"' }],
  ['FOO.spec', { error: 'the server doesn\'t have a resource type "FOO"' }],
  ['pods\\.x', { error: 'the server doesn\'t have a resource type "pods.x"' }],
  ['', { error: 'a resource must be present, got: /, Resource=' }],
  ['pods[0]', { error: 'invalid jsonpath syntax, first node must be field node' }],
  ['pods..spec', { gv: '/v1', resource: 'pods', path: ['spec'] }],
  ['po..spec', { error: 'invalid jsonpath syntax, first node must be field node' }],
  ['pods.*', { error: "unrecognized character in action: U+002A '*'" }],
];

function check(split: typeof splitWithMatchingPrefix, arg: string, want: Want): void {
  const warnings: string[] = [];
  const got = (): Want => {
    const t = split(arg, ALL, (w) => warnings.push(w));
    return { gv: `${t.gvr.group}/${t.gvr.version}`, resource: t.gvr.resource, path: t.fieldsPath, ...(warnings.length ? { warnings } : {}) };
  };
  if ('error' in want) expect(got).toThrow(want.error);
  else expect(got()).toEqual(want);
}

describe('explain TYPE.field (no --api-version)', () => {
  for (const [arg, want] of PREFIX) it(JSON.stringify(arg), () => check(splitWithMatchingPrefix, arg, want));
});

describe('explain TYPE.field --api-version=…', () => {
  it.each([
    ['deployments.apps.spec', { gv: 'apps/v1', resource: 'deployments', path: ['apps', 'spec'] }],
    ['hpa', { gv: 'autoscaling/v2', resource: 'horizontalpodautoscalers', path: [] }],
    ['pods..spec', { error: 'invalid jsonpath syntax, all nodes must be field nodes' }],
  ] as [string, Want][])('%j', (arg, want) => check(splitResourceRequest, arg, want));
});
