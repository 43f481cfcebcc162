import { describe, expect, it } from 'vitest';
import type { EndpointSubset } from './subsets.js';
import { compareAddresses, repackSubsets, truncateSubsets } from './subsets.js';

const a = (ip: string, uid = '') => ({ ip, ...(uid ? { targetRef: { kind: 'Pod', uid } } : {}) });
const p = (port: number, name = '') => ({ ...(name ? { name } : {}), port, protocol: 'TCP' });

describe('repackSubsets', () => {
  const cases: { name: string; in: EndpointSubset[]; out: EndpointSubset[] }[] = [
    { name: 'empty', in: [], out: [] },
    {
      name: 'same port merges addresses, sorted by IP bytes',
      in: [{ addresses: [a('10.0.0.2')], ports: [p(80)] }, { addresses: [a('10.0.0.10')], ports: [p(80)] }],
      out: [{ addresses: [a('10.0.0.10'), a('10.0.0.2')], ports: [p(80)] }],
    },
    {
      name: 'not ready wins for the same address and port',
      in: [{ addresses: [a('10.0.0.1', 'u1')], ports: [p(80)] }, { notReadyAddresses: [a('10.0.0.1', 'u1')], ports: [p(80)] }],
      out: [{ notReadyAddresses: [a('10.0.0.1', 'u1')], ports: [p(80)] }],
    },
    {
      name: 'same IP, different pods stay apart, ordered by uid',
      in: [{ addresses: [a('10.0.0.1', 'u2')], ports: [p(80)] }, { addresses: [a('10.0.0.1', 'u1')], ports: [p(80)] }],
      out: [{ addresses: [a('10.0.0.1', 'u1'), a('10.0.0.1', 'u2')], ports: [p(80)] }],
    },
    {
      name: 'portless subsets keep their addresses',
      in: [{ addresses: [a('10.0.0.1')], ports: [] }, { notReadyAddresses: [a('10.0.0.2')] }],
      out: [{ addresses: [a('10.0.0.1')], notReadyAddresses: [a('10.0.0.2')] }],
    },
  ];
  it.each(cases)('$name', ({ in: input, out }) => {
    expect(repackSubsets(structuredClone(input))).toEqual(out);
  });

  it('groups ports offered by the same addresses into one subset', () => {
    const out = repackSubsets([
      { addresses: [a('10.0.0.1')], ports: [p(80, 'http')] }, { addresses: [a('10.0.0.1')], ports: [p(443, 'https')] },
      { addresses: [a('10.0.0.2')], ports: [p(80, 'http')] },
    ]);
    const shapes = out.map((s) => [s.addresses!.map((x) => x.ip).join(','), s.ports!.map((x) => x.port).sort().join(',')]).sort();
    expect(shapes).toEqual([['10.0.0.1,10.0.0.2', '80'], ['10.0.0.1', '443']]);
  });
});

describe('compareAddresses', () => {
  it.each([
    [a('10.0.0.1'), a('10.0.0.2'), -1],
    [a('10.0.0.1', 'x'), a('10.0.0.1'), 1],
    [a('10.0.0.1'), a('10.0.0.1', 'x'), -1],
    [a('10.0.0.1', 'b'), a('10.0.0.1', 'a'), 1],
  ])('%o vs %o', (x, y, want) => expect(Math.sign(compareAddresses(x, y))).toBe(want));
});

describe('truncateSubsets', () => {
  const addrs = (n: number, base: number) => Array.from({ length: n }, (_, i) => a(`10.${base}.${Math.floor(i / 200)}.${i % 200}`));
  it('leaves 1000 or fewer alone', () => {
    expect(truncateSubsets([{ addresses: addrs(1000, 0) }])).toBe(false);
  });
  it('keeps ready addresses and shares the remaining room among not-ready ones', () => {
    const s: EndpointSubset[] = [{ addresses: addrs(900, 0), notReadyAddresses: addrs(100, 1) }, { notReadyAddresses: addrs(100, 2) }];
    expect(truncateSubsets(s)).toBe(true);
    expect([s[0]!.addresses!.length, s[0]!.notReadyAddresses!.length, s[1]!.notReadyAddresses!.length]).toEqual([900, 50, 50]);
  });
  it('drops not-ready addresses when the ready ones alone overflow, sharing by proportion', () => {
    const s: EndpointSubset[] = [{ addresses: addrs(1500, 0), notReadyAddresses: addrs(10, 1) }, { addresses: addrs(500, 2) }];
    truncateSubsets(s);
    expect([s[0]!.addresses!.length, s[0]!.notReadyAddresses, s[1]!.addresses!.length]).toEqual([750, undefined, 250]);
  });
});
