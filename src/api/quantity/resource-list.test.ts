import { describe, expect, it } from 'vitest';
import {
  addLists, countOf, exceededNames, isZeroList, listsEqual, maskList, negativeNames, prettyPrint, readResourceList,
  roundUpWhole, subtractNonNegative, writeResourceList,
} from './resource-list.js';
import { podLimits, podRequests } from './pod-resources.js';

const rl = (o: Record<string, string | number>) => readResourceList(o);

describe('ResourceList arithmetic', () => {
  it('adds keeping the left format unless it is zero', () => {
    expect(writeResourceList(addLists(rl({ cpu: '500m', memory: '128Mi' }), rl({ cpu: '500m', memory: '128Mi', pods: 1 })))).toEqual({ cpu: '1', memory: '256Mi', pods: '1' });
    expect(writeResourceList(addLists(rl({ memory: 0 }), rl({ memory: '1Gi' })))).toEqual({ memory: '1Gi' });
    expect(writeResourceList(addLists(rl({ memory: '1G' }), rl({ memory: '1Gi' })))).toEqual({ memory: '2073741824' });
  });

  it('masks, compares and prints as the quota admission does', () => {
    const used = rl({ pods: 2, 'requests.cpu': '1500m', services: 1 });
    const hard = rl({ pods: 2, 'requests.cpu': '2' });
    expect(exceededNames(addLists(used, rl({ pods: 1 })), hard)).toEqual(['pods']);
    expect(exceededNames(used, hard)).toEqual([]);
    expect(prettyPrint(maskList(used, ['requests.cpu', 'pods']))).toBe('pods=2,requests.cpu=1500m');
  });

  it('subtracts without going negative, over the keys of both', () => {
    const d = subtractNonNegative(rl({ 'requests.storage': '10Gi', persistentvolumeclaims: 1 }), rl({ 'requests.storage': '5Gi', persistentvolumeclaims: 1, other: 3 }));
    expect(writeResourceList(d)).toEqual({ other: '0', persistentvolumeclaims: '0', 'requests.storage': '5Gi' });
    expect(isZeroList(subtractNonNegative(rl({ a: 1 }), rl({ a: 2 })))).toBe(true);
    expect(negativeNames(rl({ a: -1, b: 1 }))).toEqual(['a']);
    expect(listsEqual(rl({ a: '1000m' }), rl({ a: 1 }))).toBe(true);
    expect(listsEqual(rl({ a: 1 }), rl({ a: 1, b: 0 }))).toBe(false);
  });

  it('rounds up to whole units', () => {
    expect(writeResourceList(new Map([['s', roundUpWhole(rl({ s: '1500m' }).get('s')!)]]))).toEqual({ s: '2' });
    expect(countOf(3).nano).toBe(3_000_000_000n);
  });
});

describe('pod requests and limits', () => {
  it('sums app containers, maxes init containers, counts sidecars and overhead', () => {
    const res = (cpu: string) => ({ resources: { requests: { cpu }, limits: { cpu } } });
    const spec = {
      containers: [res('200m'), res('300m')],
      initContainers: [{ ...res('100m'), restartPolicy: 'Always' }, res('1')],
      overhead: { cpu: '50m', memory: '10Mi' },
    };
    expect(writeResourceList(podRequests(spec))).toEqual({ cpu: '1100m' });
    expect(writeResourceList(podRequests(spec, { overhead: true }))).toEqual({ cpu: '1150m', memory: '10Mi' });
    expect(writeResourceList(podLimits(spec, { overhead: true }))).toEqual({ cpu: '1150m' });
  });
});
