// Table-driven checks of describe's building blocks against what the real kubectl prints
// (values taken from its describe outputs on a live cluster and from upstream's behaviour).
import { describe, expect, it } from 'vitest';
import type { Obj } from '../../client/types.js';
import { formatEndpointSlices } from './endpoint-slices.js';
import { describeEvents } from './events.js';
import { camelSplit, smartLabel } from './generic.js';
import { goFloat, goValue } from './gofmt.js';
import { goSort } from './gosort.js';
import { Quantity } from './quantity.js';
import { breakdown, combineResourceGroup, compact } from './rbac.js';
import { tabbed, LEVEL_0 } from './writer.js';

describe('smartLabelFor', () => {
  it.each([
    ['apiVersion', 'API Version'], ['creationTimestamp', 'Creation Timestamp'], ['uid', 'UID'], ['holderIdentity', 'Holder Identity'],
    ['leaseDurationSeconds', 'Lease Duration Seconds'], ['involvedObject', 'Involved Object'], ['fieldPath', 'Field Path'],
    ['reportingComponent', 'Reporting Component'], ['podIP', 'Pod IP'], ['kube-proxy', 'Kube - Proxy'], ['ipv4', 'ipv4'], ['a.b', 'a.b'],
  ])('%s → %s', (field, label) => expect(smartLabel(field)).toBe(label));
  it('splits like fatih/camelcase', () => expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']));
});

describe('%v of unstructured values', () => {
  it.each([
    [1.5, '1.5'], [0.0001, '0.0001'], [0.00001, '1e-05'], [123456.5, '123456.5'], [1234567.5, '1.2345675e+06'], [40, '40'], [true, 'true'], [null, '<nil>'],
  ])('%s', (v, text) => expect(typeof v === 'number' && !Number.isInteger(v) ? goFloat(v) : goValue(v)).toBe(text));
});

describe('resource.Quantity', () => {
  const sum = (...qs: string[]): string => qs.map((q) => Quantity.parse(q)).reduce((a, b) => a.add(b), Quantity.zero()).toString();
  it.each([
    [['100m', '100m'], '200m'], [['64Mi', '64Mi'], '128Mi'], [['1', '500m'], '1500m'], [['1Gi', '500M'], '1573741824'],
    [['70Mi'], '70Mi'], [['0'], '0'], [['512Mi', '512Mi'], '1Gi'], [['1.5'], '1500m'],
  ])('%j sums to %s', (qs, text) => expect(sum(...qs)).toBe(text));
  it('rounds MilliValue and Value up', () => {
    expect(Quantity.parse('1n').milliValue()).toBe(1n);
    expect(Quantity.parse('128Mi').value()).toBe(134217728n);
  });
});

describe("Go's sort.Sort", () => {
  it('is stable up to 12 elements (insertion sort) and sorts longer inputs', () => {
    const items = [3, 1, 2, 1, 3, 2].map((k, i) => ({ k, i }));
    expect(goSort(items, (a, b) => a.k < b.k).map((x) => x.i)).toEqual([1, 3, 2, 5, 0, 4]);
    const many = Array.from({ length: 100 }, (_, i) => (i * 37) % 101);
    expect(goSort([...many], (a, b) => a < b)).toEqual([...many].sort((a, b) => a - b));
  });
});

describe('rbac rules', () => {
  it('breaks rules down, merges verbs of simple rules and names resources with their group', () => {
    const rules = compact([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }, { apiGroups: [''], resources: ['pods'], verbs: ['delete'] }].flatMap(breakdown));
    expect(rules.map((r) => r.verbs)).toEqual([['get', 'list', 'delete']]);
    expect(combineResourceGroup(['deployments/scale'], ['apps'])).toBe('deployments.apps/scale');
    expect(combineResourceGroup(['pods'], [''])).toBe('pods');
  });
});

describe('formatEndpointSlices', () => {
  const slice = (n: number, ready = true): Obj => ({
    metadata: {}, ports: [{ name: 'http', port: 80 }],
    endpoints: Array.from({ length: n }, (_, i) => ({ addresses: [`10.0.0.${i + 1}`], conditions: { ready } })),
  });
  it.each([
    [[], '<none>'], [[slice(2)], '10.0.0.1:80,10.0.0.2:80'], [[slice(5)], '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...'], [[slice(2, false)], ''],
  ])('%#', (slices, text) => expect(formatEndpointSlices(slices as Obj[], new Set(['http']))).toBe(text));
});

describe('the Events section', () => {
  const now = Date.parse('2026-11-22T11:48:25Z');
  const event = (reason: string, last: string, count = 1): Obj => ({
    metadata: {}, type: 'Normal', reason, message: ` ${reason} happened `, count, source: { component: 'kubelet' },
    firstTimestamp: '2026-11-22T11:05:54Z', lastTimestamp: last,
  });
  it('aligns apart from the lines before it, sorted by last timestamp', () => {
    const text = tabbed((w) => {
      w.write(LEVEL_0, 'Tolerations:\t<none>\n');
      describeEvents([event('Late', '2026-11-22T11:48:04Z', 25), event('Early', '2026-11-22T11:30:00Z')], w, now);
    });
    expect(text).toBe([
      'Tolerations:  <none>',
      'Events:',
      '  Type    Reason  Age                 From     Message',
      '  ----    ------  ----                ----     -------',
      '  Normal  Early   42m                 kubelet  Early happened',
      '  Normal  Late    21s (x25 over 42m)  kubelet  Late happened',
      '',
    ].join('\n'));
  });
  it('says <none> in the block it follows', () => {
    expect(tabbed((w) => {
      w.write(LEVEL_0, 'Node-Selectors:\t<none>\n');
      describeEvents([], w, now);
    })).toBe('Node-Selectors:  <none>\nEvents:          <none>\n');
  });
});
