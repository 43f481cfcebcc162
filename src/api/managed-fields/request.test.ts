import { describe, expect, it } from 'vitest';
import { managerOrUserAgent, optionErrors, optionsInvalid, prefixFromUserAgent } from './request.js';

describe('the field manager of a request', () => {
  it.each([
    ['kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd', 'kubectl'],
    ['kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/59526cd/system:serviceaccount:kube-system:deployment-controller', 'kube-controller-manager'],
    ['kubelet/v1.32.4 (linux/amd64) kubernetes/59526cd', 'kubelet'],
    ['curl/8.5.0', 'curl'],
    ['Go-http-client/2.0', 'Go-http-client'],
    ['', ''],
    ['a\tb\u0000c/1', 'abc'],
    [`${'x'.repeat(140)}/1`, 'x'.repeat(128)],
  ])('prefixFromUserAgent(%j) = %j', (ua, manager) => {
    expect(prefixFromUserAgent(ua)).toBe(manager);
  });

  it('prefers the fieldManager parameter', () => {
    expect(managerOrUserAgent('mine', 'kubectl/v1.32.4')).toBe('mine');
    expect(managerOrUserAgent('', 'kubectl/v1.32.4')).toBe('kubectl');
  });

  it.each([
    [{ kind: 'PatchOptions', fieldManager: '', apply: true, force: false }, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'],
    [{ kind: 'PatchOptions', fieldManager: 'm', apply: false, force: true }, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch'],
    [{ kind: 'CreateOptions', fieldManager: 'x'.repeat(129), apply: false, force: false }, 'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes'],
    [{ kind: 'UpdateOptions', fieldManager: 'a\u0007b', apply: false, force: false }, 'UpdateOptions.meta.k8s.io "" is invalid: fieldManager: Invalid value: "a\\ab": invalid character U+0007 (at position 1)'],
  ] as const)('rejects %j', (o, message) => {
    const err = optionsInvalid(o.kind, optionErrors(o));
    expect(err.status).toMatchObject({ code: 422, reason: 'Invalid', message, details: { group: 'meta.k8s.io', kind: o.kind } });
  });

  it('accepts a printable manager of up to 128 bytes', () => {
    expect(optionErrors({ kind: 'CreateOptions', fieldManager: 'kubectl-create', apply: false, force: false })).toEqual([]);
  });
});
