// ValidateAPIService's checks and wording (kube-aggregator pkg/apis/apiregistration/validation).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../types.js';
import { fieldErrorString } from '../validation/field.js';
import { validateAPIService } from './validation.js';

const as = (name: string, spec: Record<string, unknown>): KObject => ({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name }, spec });
const ok = { group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100, service: { namespace: 'kube-system', name: 'metrics-server', port: 443 } };

describe('validateAPIService', () => {
  it.each([
    ['a valid one', as('v1beta1.metrics.k8s.io', ok), []],
    ['a local one', as('v1.apps', { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 }), []],
    ['a name that is not version.group', as('metrics', ok), ['metadata.name: Invalid value: "metrics": must be `spec.version+"."+spec.group`: "v1beta1.metrics.k8s.io"']],
    ['priorities out of range', as('v1beta1.metrics.k8s.io', { ...ok, groupPriorityMinimum: 0, versionPriority: 1001 }), [
      'spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000',
      'spec.versionPriority: Invalid value: 1001: must be positive and less than 1000',
    ]],
    ['a service without a name', as('v1beta1.metrics.k8s.io', { ...ok, service: { namespace: 'kube-system' } }), ['spec.service.name: Required value']],
    ['an empty group that is not v1', as('v2.', { group: '', version: 'v2', groupPriorityMinimum: 1, versionPriority: 1 }), ['spec.group: Required value: only v1 may have an empty group and it better be legacy kube']],
    ['a local one that skips TLS verification', as('v1.apps', { group: 'apps', version: 'v1', groupPriorityMinimum: 1, versionPriority: 1, insecureSkipTLSVerify: true }), ['spec.insecureSkipTLSVerify: Invalid value: true: local APIServices may not have insecureSkipTLSVerify']],
  ])('%s', (_n, obj, want) => expect(validateAPIService(obj).map(fieldErrorString)).toEqual(want));
});
