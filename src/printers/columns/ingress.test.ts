import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { ingressColumns } from './ingress.js';
import { ingressClassColumns } from './ingressclass.js';
import { networkPolicyColumns } from './networkpolicy.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const meta = { name: 'web', creationTimestamp: '2025-01-15T11:15:00Z' };
const rules = (...hosts: string[]) => hosts.map((host) => (host === '' ? { http: {} } : { host }));

describe('ingress cells', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, unknown[]]>([
    ['no rules, no class', {}, {}, ['<none>', '*', '', '80']],
    ['class and hosts, TLS', { ingressClassName: 'nginx', rules: rules('a.example.com', 'b.example.com'), tls: [{ hosts: ['a.example.com'] }] }, {}, ['nginx', 'a.example.com,b.example.com', '', '80, 443']],
    ['rules without hosts', { rules: rules('', '') }, {}, ['<none>', '*', '', '80']],
    ['more than three hosts', { rules: rules('a', '', 'b', 'c', 'd', 'e') }, {}, ['<none>', 'a,b,c + 3 more...', '', '80']],
    [
      'load balancer addresses',
      { ingressClassName: 'nginx' },
      { loadBalancer: { ingress: [{ ip: '192.168.49.2' }, { hostname: 'lb.example.com' }, { ip: '192.168.49.2' }] } },
      ['nginx', '*', '192.168.49.2,lb.example.com', '80'],
    ],
  ])('%s', (_name, spec, status, want) => {
    const ing: KObject = { metadata: meta, spec, status };
    expect(ingressColumns.cells(ing, { now: NOW })).toEqual(['web', ...want, '45m']);
  });
});

describe('ingress classes and network policies', () => {
  it.each<[string, unknown, string]>([
    ['no parameters', undefined, '<none>'],
    ['core parameters', { kind: 'ConfigMap', name: 'cfg' }, 'ConfigMap/cfg'],
    ['grouped parameters', { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' }, 'IngressParameters.k8s.example.com/p'],
  ])('ingressclass PARAMETERS: %s', (_name, parameters, want) => {
    const ic: KObject = { metadata: meta, spec: { controller: 'k8s.io/ingress-nginx', ...(parameters ? { parameters } : {}) } };
    expect(ingressClassColumns.cells(ic, { now: NOW })).toEqual(['web', 'k8s.io/ingress-nginx', want, '45m']);
  });

  it.each<[string, unknown, string]>([
    ['all pods', {}, '<none>'],
    ['labels', { matchLabels: { role: 'db' } }, 'role=db'],
    ['expression', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, 'tier notin (web)'],
  ])('networkpolicy POD-SELECTOR: %s', (_name, podSelector, want) => {
    const np: KObject = { metadata: meta, spec: { podSelector } };
    expect(networkPolicyColumns.cells(np, { now: NOW })).toEqual(['web', want, '45m']);
  });
});
