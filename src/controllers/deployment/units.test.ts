import { describe, expect, it } from 'vitest';
import { REVISION, REVISION_HISTORY, setNewReplicaSetAnnotations } from './annotations.js';
import { canonicalJson, computeHash, equalIgnoreHash, safeEncodeString } from './hash.js';
import { maxSurge, maxUnavailable, resolveFenceposts, scaledValue } from './intstr.js';
import { deployment } from './testdata.js';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };

describe('pod-template-hash', () => {
  it('maps decimal digits through the SafeEncodeString alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is fnv-1a 32 of the canonical JSON, then of the collision count', () => {
    // fnv-1a 32 of '{}' is 1415952421 (offset basis 2166136261, prime 16777619; "a" gives 0xe40c292c);
    // with collisionCount 1, the bytes 01 00 00 00 00 00 00 00 follow
    expect(computeHash({})).toBe(safeEncodeString('1415952421'));
    expect(computeHash({}, 1)).toBe(safeEncodeString('2048268452'));
    expect(computeHash(template)).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
    expect(computeHash(template, 0)).not.toBe(computeHash(template));
  });

  it('does not depend on key order', () => {
    const reordered = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } };
    expect(canonicalJson(reordered)).toBe(canonicalJson(template));
    expect(computeHash(reordered)).toBe(computeHash(template));
  });

  it.each([
    ['the hash label', { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } }, true],
    ['empty maps and lists', { ...template, metadata: { labels: { app: 'web' }, annotations: {} }, spec: { ...template.spec, volumes: [] } }, true],
    ['an image', { ...template, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } }, false],
    ['a restartedAt annotation', { ...template, metadata: { ...template.metadata, annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } } }, false],
  ])('equalIgnoreHash ignores %s: %s', (_n, other, same) => {
    expect(equalIgnoreHash(template, other)).toBe(same);
  });
});

describe('maxSurge and maxUnavailable', () => {
  it.each([
    // surge, unavailable, replicas → resolved surge, unavailable
    ['25%', '25%', 10, 3, 2],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 1, 1, 0],
    ['0%', '0%', 10, 0, 1],
    [0, 0, 3, 0, 1],
    [2, '50%', 5, 2, 2],
    ['10%', 0, 3, 1, 0],
  ] as const)('%s / %s of %d → %d / %d', (s, u, replicas, surge, unavailable) => {
    expect(resolveFenceposts(s, u, replicas)).toEqual({ surge, unavailable });
  });

  it('caps unavailable at replicas and is 0 for Recreate or no replicas', () => {
    expect(maxUnavailable(deployment('d', { replicas: 2, maxUnavailable: 5, maxSurge: 0 }))).toBe(2);
    expect(maxUnavailable(deployment('d', { replicas: 0 }))).toBe(0);
    expect(maxSurge(deployment('d', { strategy: 'Recreate' }))).toBe(0);
  });

  it('refuses strings that are not percentages', () => {
    expect(() => scaledValue('3', 10, true)).toThrow('invalid type: string is not a percentage');
    expect(() => scaledValue('x%', 10, true)).toThrow(/invalid value for IntOrString/);
  });
});

describe('new ReplicaSet annotations', () => {
  const d = deployment('web', { annotations: { 'kubernetes.io/change-cause': 'v2', 'deployment.kubernetes.io/revision': '9' } });

  it('copies the deployment annotations but its revision, and raises the revision keeping history', () => {
    const ann: Record<string, string> = { [REVISION]: '1' };
    expect(setNewReplicaSetAnnotations(d, ann, 3)).toBe(true);
    expect(ann).toEqual({ [REVISION]: '3', [REVISION_HISTORY]: '1', 'kubernetes.io/change-cause': 'v2' });
    setNewReplicaSetAnnotations(d, ann, 5);
    expect(ann[REVISION_HISTORY]).toBe('1,3');
  });

  it('never lowers a revision', () => {
    const ann: Record<string, string> = { [REVISION]: '7', 'kubernetes.io/change-cause': 'v2' };
    expect(setNewReplicaSetAnnotations(d, ann, 4)).toBe(false);
    expect(ann[REVISION]).toBe('7');
  });

  it('drops the oldest history entries past 2000 characters', () => {
    const long = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(','); // 1999 chars
    const ann: Record<string, string> = { [REVISION]: '5000', [REVISION_HISTORY]: long };
    setNewReplicaSetAnnotations(d, ann, 5001);
    const h = ann[REVISION_HISTORY]!;
    expect(h.length).toBeLessThanOrEqual(2000);
    expect(h.startsWith('1001,')).toBe(true);
    expect(h.endsWith(',5000')).toBe(true);
  });
});
