import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../defaulting/index.js';
import type { KObject } from '../../types.js';
import { createErrors, updateErrors } from '../testing.js';

const VWC = 'ValidatingWebhookConfiguration.admissionregistration.k8s.io';
const MWC = 'MutatingWebhookConfiguration.admissionregistration.k8s.io';
const VAP = 'ValidatingAdmissionPolicy.admissionregistration.k8s.io';
const VAPB = 'ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io';

const meta = (name: string) => ({ name, uid: `uid-${name}` });
const hook = (extra: Record<string, unknown> = {}) => ({ name: 'a.example.com', clientConfig: { url: 'https://a.example.com/x' }, admissionReviewVersions: ['v1'], sideEffects: 'None', ...extra });
const config = (...webhooks: unknown[]) => ({ metadata: meta('cfg'), webhooks });
const rule = { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] };
const policy = (spec: Record<string, unknown> = {}) => ({ metadata: meta('p.example.com'), spec: { matchConstraints: { resourceRules: [rule] }, validations: [{ expression: 'true' }], ...spec } });
const binding = (spec: Record<string, unknown> = {}) => ({ metadata: meta('b'), spec: { policyName: 'p.example.com', validationActions: ['Deny'], ...spec } });

describe('admissionregistration.k8s.io defaults', () => {
  it('fills in a webhook\'s policies, selectors, timeout, rule scope and service port', () => {
    const obj = config(hook({ clientConfig: { service: { namespace: 'ns', name: 'svc' } }, rules: [rule] })) as unknown as KObject;
    applyDefaults(MWC, obj);
    expect(obj.webhooks).toEqual([{
      ...hook(), clientConfig: { service: { namespace: 'ns', name: 'svc', port: 443 } }, rules: [{ ...rule, scope: '*' }],
      failurePolicy: 'Fail', matchPolicy: 'Equivalent', namespaceSelector: {}, objectSelector: {}, timeoutSeconds: 10, reinvocationPolicy: 'Never',
    }]);
  });

  it('fills in a policy\'s failure policy and match constraints, and a binding\'s match resources', () => {
    const p = policy() as unknown as KObject;
    applyDefaults(VAP, p);
    expect(p.spec).toMatchObject({ failurePolicy: 'Fail', matchConstraints: { matchPolicy: 'Equivalent', namespaceSelector: {}, objectSelector: {}, resourceRules: [{ scope: '*' }] } });
    const b = binding({ matchResources: {} }) as unknown as KObject;
    applyDefaults(VAPB, b);
    expect((b.spec as Record<string, unknown>).matchResources).toEqual({ matchPolicy: 'Equivalent', namespaceSelector: {}, objectSelector: {} });
  });
});

describe('admissionregistration.k8s.io validation', () => {
  it.each([
    [VWC, config(hook()), []],
    [VWC, config(hook({ name: 'short', sideEffects: undefined, admissionReviewVersions: [] })), [
      'webhooks[0].name: Invalid value: "short": should be a domain with at least three segments separated by dots',
      'webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun',
      'webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1',
    ]],
    [VWC, config(hook({ clientConfig: { url: 'http://u@h/p?q=1#f' } })), [
      'webhooks[0].clientConfig.url: Invalid value: "http": \'https\' is the only allowed URL scheme; desired format: https://host[/path]',
      'webhooks[0].clientConfig.url: Invalid value: "u": user information is not permitted in the URL',
      'webhooks[0].clientConfig.url: Invalid value: "f": fragments are not permitted in the URL',
      'webhooks[0].clientConfig.url: Invalid value: "q=1": query parameters are not permitted in the URL',
    ]],
    // upstream passes the service's name and namespace the wrong way round
    [VWC, config(hook({ clientConfig: { service: { name: 'svc', path: '/a//b' } } })), [
      'webhooks[0].clientConfig.service.name: Required value: service name is required',
      'webhooks[0].clientConfig.service.path: Invalid value: "/a//b": segment[1] may not be empty',
    ]],
    [VWC, config(hook({ clientConfig: {} }), hook({ rules: [{ ...rule, operations: ['*', 'PATCH'], resources: ['pods/*', 'pods/log'] }] })), [
      'webhooks[0].clientConfig: Required value: exactly one of url or service is required',
      'webhooks[1].rules[0].operations: Invalid value: []admissionregistration.OperationType{"*", "PATCH"}: if \'*\' is present, must not specify other operations',
      'webhooks[1].rules[0].operations[1]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
      'webhooks[1].rules[0].resources[1]: Invalid value: "pods/log": if \'pods/*\' is present, must not specify pods/log',
      'webhooks[1].name: Duplicate value: "a.example.com"',
    ]],
    [MWC, config(hook({ reinvocationPolicy: 'Always', timeoutSeconds: 0, matchConditions: [{ name: 'x', expression: ' ' }] })), [
      'webhooks[0].timeoutSeconds: Invalid value: 0: the timeout value must be between 1 and 30 seconds',
      'webhooks[0].reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"',
      'webhooks[0].matchConditions[0].expression: Required value',
    ]],
    [VAP, policy(), []],
    [VAP, policy({ matchConstraints: undefined, validations: [], paramKind: { apiVersion: 'example.com/', kind: '' } }), [
      'spec.paramKind.apiVersion: Invalid value: "example.com/": version must be specified',
      'spec.paramKind.kind: Required value',
      'spec.matchConstraints: Required value',
      'spec.validations: Required value: validations or auditAnnotations must contain at least one item',
      'spec.auditAnnotations: Required value: validations or auditAnnotations must contain at least one item',
    ]],
    [VAP, policy({ validations: [{ expression: 'x', reason: 'Teapot', messageExpression: ' ' }], auditAnnotations: [{ key: 'k', valueExpression: 'v' }, { key: 'k', valueExpression: '' }] }), [
      'spec.validations[0].messageExpression: Invalid value: " ": must be non-empty if specified',
      'spec.validations[0].reason: Unsupported value: "Teapot": supported values: "Forbidden", "Invalid", "RequestEntityTooLarge"',
      'spec.auditAnnotations[1].valueExpression: Required value: valueExpression is not specified',
      'spec.auditAnnotations[1].key: Duplicate value: "k"',
    ]],
    [VAPB, binding(), []],
    [VAPB, binding({ policyName: '', validationActions: [], paramRef: {} }), [
      'spec.policyName: Required value',
      'spec.paramRef: Required value: one of name or selector must be specified',
      'spec.paramRef.parameterNotFoundAction: Required value',
      'spec.validationActions: Required value: at least one validation action is required',
    ]],
    [VAPB, binding({ validationActions: ['Warn', 'Deny'], matchResources: { resourceRules: [{ ...rule, resourceNames: ['a', 'a'] }] } }), [
      'spec.matchResouces.resourceRules[0].resourceNames[1]: Duplicate value: "a"',
      'spec.validationActions: Invalid value: []admissionregistration.ValidationAction{"Warn", "Deny"}: must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)',
    ]],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('keeps the v1 rules an old configuration already broke relaxed on update', () => {
    const old = config(hook({ sideEffects: 'Some' }));
    expect(updateErrors(VWC, config(hook({ sideEffects: 'Unknown' })), old)).toEqual([]);
    expect(updateErrors(VWC, config(hook({ sideEffects: 'Some' })), config(hook()))).toEqual(['webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"']);
  });
});
