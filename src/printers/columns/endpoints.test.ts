import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { endpointsColumns, formatEndpoints } from './endpoints.js';
import { endpointSliceColumns } from './endpointslice.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const ips = (...list: string[]) => list.map((ip) => ({ ip }));

describe('endpoints ENDPOINTS', () => {
  it.each<[string, unknown, string]>([
    ['no subsets', undefined, '<none>'],
    ['empty subsets', [], '<none>'],
    ['subset without addresses', [{ ports: [{ port: 80 }] }], ''],
    ['one port', [{ addresses: ips('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }] }], '10.0.0.1:80,10.0.0.2:80'],
    ['exactly three', [{ addresses: ips('a', 'b', 'c'), ports: [{ port: 1 }] }], 'a:1,b:1,c:1'],
    ['more than three', [{ addresses: ips('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'), ports: [{ port: 80 }] }], '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...'],
    [
      'addresses × ports are counted',
      [{ addresses: ips('10.0.0.1', '10.0.0.2'), ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }],
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
    ],
    ['headless without ports', [{ addresses: ips('10.0.0.1', '10.0.0.2') }], '10.0.0.1,10.0.0.2'],
    ['IPv6 in brackets', [{ addresses: ips('fd00::1'), ports: [{ port: 80 }] }], '[fd00::1]:80'],
    [
      'across subsets',
      [
        { addresses: ips('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }] },
        { addresses: ips('10.0.1.1', '10.0.1.2'), ports: [{ port: 8080 }] },
      ],
      '10.0.0.1:80,10.0.0.2:80,10.0.1.1:8080 + 1 more...',
    ],
  ])('%s', (_name, subsets, want) => {
    expect(formatEndpoints(subsets)).toBe(want);
  });

  it('builds the row', () => {
    const ep: KObject = { metadata: { name: 'web', creationTimestamp: '2025-01-15T11:15:00Z' }, subsets: [{ addresses: ips('10.244.1.5'), ports: [{ port: 80 }] }] };
    expect(endpointsColumns.cells(ep, { now: NOW })).toEqual(['web', '10.244.1.5:80', '45m']);
  });
});

describe('endpointslice cells', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['empty slice', {}, '<unset>', '<unset>'],
    [
      'ports by number, name or *',
      { ports: [{ port: 80 }, { name: 'dns' }, {}], endpoints: [{ addresses: ['10.0.0.1'] }] },
      '80,dns,*',
      '10.0.0.1',
    ],
    [
      'more than three of each',
      { ports: [{ port: 1 }, { port: 2 }, { port: 3 }, { port: 4 }], endpoints: [{ addresses: ['a', 'b'] }, { addresses: ['c'] }, { addresses: ['d', 'e'] }] },
      '1,2,3 + 1 more...',
      'a,b,c + 2 more...',
    ],
  ])('%s', (_name, body, ports, endpoints) => {
    const slice: KObject = { metadata: { name: 'web-x7k2p', creationTimestamp: '2025-01-15T11:15:00Z' }, addressType: 'IPv4', ...body };
    expect(endpointSliceColumns.cells(slice, { now: NOW })).toEqual(['web-x7k2p', 'IPv4', ports, endpoints, '45m']);
  });
});
