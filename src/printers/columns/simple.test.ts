// The one-line printers: namespaces, configmaps, secrets, service accounts, PDBs, leases,
// priority classes, component statuses, webhook configurations, admission policies and their
// bindings, runtime classes, flow schemas and priority levels.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { columnsFor } from './index.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const meta = { name: 'x', creationTimestamp: '2025-01-05T12:00:00Z' };

describe('simple printers', () => {
  it.each<[string, string, Record<string, unknown>, unknown[]]>([
    ['', 'namespaces', { status: { phase: 'Terminating' } }, ['x', 'Terminating', '10d']],
    ['', 'configmaps', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, ['x', 3, '10d']],
    ['', 'configmaps', {}, ['x', 0, '10d']],
    ['', 'secrets', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }, ['x', 'kubernetes.io/tls', 2, '10d']],
    ['', 'serviceaccounts', { secrets: [{ name: 'x-token' }] }, ['x', 1, '10d']],
    ['', 'serviceaccounts', {}, ['x', 0, '10d']],
    ['policy', 'poddisruptionbudgets', { spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } }, ['x', '2', 'N/A', 1, '10d']],
    ['policy', 'poddisruptionbudgets', { spec: { maxUnavailable: '25%' } }, ['x', 'N/A', '25%', 0, '10d']],
    ['coordination.k8s.io', 'leases', { spec: { holderIdentity: 'node01' } }, ['x', 'node01', '10d']],
    ['coordination.k8s.io', 'leases', { spec: {} }, ['x', '', '10d']],
    ['scheduling.k8s.io', 'priorityclasses', { value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' }, ['x', 2000001000, false, '10d', 'PreemptLowerPriority']],
    ['scheduling.k8s.io', 'priorityclasses', { value: 1000, globalDefault: true }, ['x', 1000, true, '10d', '']],
    ['', 'componentstatuses', { conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] }, ['x', 'Healthy', 'ok', '']],
    ['', 'componentstatuses', { conditions: [{ type: 'Healthy', status: 'False', error: 'connection refused' }] }, ['x', 'Unhealthy', '', 'connection refused']],
    ['', 'componentstatuses', {}, ['x', 'Unknown', '', '']],
    ['admissionregistration.k8s.io', 'validatingwebhookconfigurations', { webhooks: [{ name: 'a' }, { name: 'b' }] }, ['x', 2, '10d']],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicies', { spec: { validations: [{}], paramKind: { apiVersion: 'v1', kind: 'ConfigMap' } } }, ['x', 1, 'v1/ConfigMap', '10d']],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicies', { spec: {} }, ['x', 0, '<unset>', '10d']],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings', { spec: { policyName: 'p', paramRef: { name: 'cm', namespace: 'ns' } } }, ['x', 'p', 'ns/cm', '10d']],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings', { spec: { policyName: 'p', paramRef: { name: 'cm' } } }, ['x', 'p', '*/cm', '10d']],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings', { spec: { policyName: 'p', paramRef: { selector: { matchLabels: { a: 'b' } } } } }, ['x', 'p', 'a=b', '10d']],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings', { spec: { policyName: 'p' } }, ['x', 'p', '<unset>', '10d']],
    ['node.k8s.io', 'runtimeclasses', { handler: 'runc' }, ['x', 'runc', '10d']],
    ['flowcontrol.apiserver.k8s.io', 'flowschemas', { spec: { priorityLevelConfiguration: { name: 'exempt' }, matchingPrecedence: 1 } }, ['x', 'exempt', 1, '<none>', '10d', '?']],
    ['flowcontrol.apiserver.k8s.io', 'flowschemas', { spec: { priorityLevelConfiguration: { name: 'gone' }, matchingPrecedence: 500, distinguisherMethod: { type: 'ByUser' } }, status: { conditions: [{ type: 'Dangling', status: 'True' }] } }, ['x', 'gone', 500, 'ByUser', '10d', 'True']],
    ['flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', { spec: { type: 'Exempt', exempt: { nominalConcurrencyShares: 0 } } }, ['x', 'Exempt', '<none>', '<none>', '<none>', '<none>', '10d']],
    ['flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', { spec: { type: 'Limited', limited: { nominalConcurrencyShares: 5, limitResponse: { type: 'Reject' } } } }, ['x', 'Limited', 5, '<none>', '<none>', '<none>', '10d']],
    ['flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', { spec: { type: 'Limited', limited: { nominalConcurrencyShares: 40, limitResponse: { type: 'Queue', queuing: { queues: 128, handSize: 6, queueLengthLimit: 50 } } } } }, ['x', 'Limited', 40, 128, 6, 50, '10d']],
  ])('%s %s', (group, resource, body, want) => {
    const obj: KObject = { metadata: meta, ...body };
    expect(columnsFor(group, resource).cells(obj, { now: NOW })).toEqual(want);
  });
});
