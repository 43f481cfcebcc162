import { describe, expect, it } from 'vitest';
import type { AdmissionRequest, Operation } from '../../registry/admission.js';
import { systemContext } from '../../registry/context.js';
import { pod } from '../../resources/pod.js';
import { namespace } from '../../resources/namespace.js';
import { node } from '../../resources/node.js';
import { validatingWebhookConfiguration } from '../../resources/validatingwebhookconfiguration.js';
import type { ResourceDescriptor } from '../../resources/types.js';
import type { KObject } from '../../types.js';
import { isExempt, ruleMatches, shouldCall, type WebhookSpec } from './match.js';

const obj = (labels: Record<string, string> = {}, name = 'x'): KObject => ({ metadata: { name, labels } });

function request(d: ResourceDescriptor, o: { op?: Operation; sub?: string; ns?: string; name?: string; obj?: KObject; old?: KObject } = {}): AdmissionRequest {
  return { op: o.op ?? 'CREATE', d, subresource: o.sub ?? '', namespace: o.ns, name: o.name ?? 'x', obj: o.obj ?? (o.op === 'DELETE' ? undefined : obj()), old: o.old, ctx: systemContext({ name: 'u', groups: [] }) };
}

const rule = (resources: string[], more: object = {}) => ({ operations: ['*'], apiGroups: ['*'], apiVersions: ['*'], resources, ...more });

describe('webhook rules (rules.Matcher)', () => {
  const podReq = request(pod, { ns: 'default' });
  const status = request(pod, { ns: 'default', sub: 'status', op: 'UPDATE' });
  it('matches resources and subresources as upstream splits them', () => {
    expect(ruleMatches(rule(['*']), podReq)).toBe(true);
    expect(ruleMatches(rule(['*']), status)).toBe(false);
    expect(ruleMatches(rule(['*/*']), status)).toBe(true);
    expect(ruleMatches(rule(['pods/*']), podReq)).toBe(true);
    expect(ruleMatches(rule(['pods/*']), status)).toBe(true);
    expect(ruleMatches(rule(['*/status']), status)).toBe(true);
    expect(ruleMatches(rule(['pods/status']), podReq)).toBe(false);
    expect(ruleMatches(rule(['deployments']), podReq)).toBe(false);
  });
  it('matches operations, groups and versions exactly or by "*"', () => {
    expect(ruleMatches(rule(['pods'], { operations: ['UPDATE'] }), podReq)).toBe(false);
    expect(ruleMatches(rule(['pods'], { operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'] }), podReq)).toBe(true);
    expect(ruleMatches(rule(['pods'], { apiGroups: ['apps'] }), podReq)).toBe(false);
    expect(ruleMatches(rule(['pods'], { apiVersions: ['v1beta1'] }), podReq)).toBe(false);
  });
  it('scopes: a Namespace object is cluster-scoped', () => {
    const nsReq = request(namespace, { name: 'team' });
    expect(ruleMatches(rule(['*'], { scope: 'Namespaced' }), podReq)).toBe(true);
    expect(ruleMatches(rule(['*'], { scope: 'Cluster' }), podReq)).toBe(false);
    expect(ruleMatches(rule(['*'], { scope: 'Cluster' }), nsReq)).toBe(true);
    expect(ruleMatches(rule(['*'], { scope: 'Namespaced' }), nsReq)).toBe(false);
    expect(ruleMatches(rule(['*'], { scope: 'Cluster' }), request(node))).toBe(true);
  });
  it('never sends webhook configurations to webhooks', () => {
    expect(isExempt(request(validatingWebhookConfiguration))).toBe(true);
    expect(isExempt(podReq)).toBe(false);
  });
});

describe('webhook selectors (ShouldCallHook)', () => {
  const hook = (more: Partial<WebhookSpec> = {}): WebhookSpec => ({ name: 'h', clientConfig: {}, rules: [rule(['*'])], namespaceSelector: {}, objectSelector: {}, ...more });
  const labels = async (name: string): Promise<Record<string, string> | undefined> => (name === 'prod' ? { env: 'prod' } : name === 'dev' ? {} : undefined);
  it('matches a namespace by its labels; a Namespace object by its own', async () => {
    const h = hook({ namespaceSelector: { matchLabels: { env: 'prod' } } });
    expect(await shouldCall(h, request(pod, { ns: 'prod' }), labels)).toEqual({ call: true });
    expect(await shouldCall(h, request(pod, { ns: 'dev' }), labels)).toEqual({ call: false });
    expect(await shouldCall(h, request(namespace, { name: 'new', obj: obj({ env: 'prod' }, 'new') }), labels)).toEqual({ call: true });
    expect(await shouldCall(h, request(node), labels)).toEqual({ call: true });
  });
  it('reports a missing namespace only for a webhook whose rules match', async () => {
    const h = hook({ namespaceSelector: { matchLabels: { env: 'prod' } } });
    expect(await shouldCall(h, request(pod, { ns: 'gone' }), labels)).toEqual({ error: 'namespace-not-found', namespace: 'gone' });
    expect(await shouldCall({ ...h, rules: [rule(['services'])] }, request(pod, { ns: 'gone' }), labels)).toEqual({ call: false });
  });
  it('matches the object selector on the new or the old object', async () => {
    const h = hook({ objectSelector: { matchExpressions: [{ key: 'keep', operator: 'Exists' }] } });
    expect(await shouldCall(h, request(pod, { ns: 'prod', obj: obj({ keep: '1' }) }), labels)).toEqual({ call: true });
    expect(await shouldCall(h, request(pod, { ns: 'prod', op: 'DELETE', old: obj({ keep: '1' }) }), labels)).toEqual({ call: true });
    expect(await shouldCall(h, request(pod, { ns: 'prod', op: 'UPDATE', obj: obj(), old: obj() }), labels)).toEqual({ call: false });
  });
});
