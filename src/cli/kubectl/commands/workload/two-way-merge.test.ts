// The patches kubectl sends, as the real kubectl v1.32.4 logged them with -v=8 (PATCH request
// bodies of `set image`, `set env`, `rollout pause|resume|restart`, `cordon`/`uncordon`).
import { describe, expect, it } from 'vitest';
import { twoWayMergePatch } from './two-way-merge.js';

const container = (extra: Record<string, unknown>) => ({ name: 'nginx', image: 'nginx:1.25', ...extra });
const deploy = (containers: unknown[], spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
  spec: { ...spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } },
});
const env = (...names: string[]) => names.map((n) => ({ name: n, value: '1' }));

const CASES: [string, object, object, string][] = [
  // kubectl -n t1 set image deploy/web nginx=nginx:1.28
  ['set image', deploy([container({})]), deploy([container({ image: 'nginx:1.28' })]),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.28","name":"nginx"}]}}}}'],
  // kubectl -n t1 set env deploy/web B- Z=1 (env was B, A_B, C, S_PW)
  ['set env, one removed and one added', deploy([container({ env: env('B', 'A_B', 'C', 'S_PW') })]), deploy([container({ env: env('A_B', 'C', 'S_PW', 'Z') })]),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"A_B"},{"name":"C"},{"name":"S_PW"},{"name":"Z"}],"env":[{"name":"Z","value":"1"},{"$patch":"delete","name":"B"}],"name":"nginx"}]}}}}'],
  // kubectl rollout pause / resume deploy/web
  ['rollout pause', deploy([container({})]), deploy([container({})], { paused: true }), '{"spec":{"paused":true}}'],
  ['rollout resume', deploy([container({})], { paused: true }), deploy([container({})]), '{"spec":{"paused":null}}'],
  ['nothing changed', deploy([container({})]), deploy([container({})]), '{}'],
  ['cordon', { kind: 'Node', spec: {} }, { kind: 'Node', spec: { unschedulable: true } }, '{"spec":{"unschedulable":true}}'],
  ['uncordon', { kind: 'Node', spec: { unschedulable: true } }, { kind: 'Node', spec: {} }, '{"spec":{"unschedulable":null}}'],
  ['lists without a merge key are replaced', deploy([container({ command: ['a'] })]), deploy([container({ command: ['b'] })]),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"command":["b"],"name":"nginx"}]}}}}'],
  ['a service selector replaced', { kind: 'Service', spec: { selector: { app: 'a', x: 'y' } } }, { kind: 'Service', spec: { selector: { app: 'b' } } },
    '{"spec":{"selector":{"app":"b","x":null}}}'],
];

describe('twoWayMergePatch', () => {
  it.each(CASES)('%s', (_name, before, after, want) => {
    expect(twoWayMergePatch(before as never, after as never, (after as { kind: string }).kind)).toBe(want);
  });
});
