// admissionregistration.k8s.io/v1 defaulters (v1.32): webhooks fail closed, match equivalent
// requests, select everything and wait 10 s; mutating ones are never reinvoked; a rule's scope
// is "*" and a service's port 443. A policy fails closed; its match resources default as a
// webhook's do.
import type { KObject } from '../types.js';
import { isObject, obj, objs, type JsonObject } from '../validation/json.js';

function defaultRules(rules: unknown): void {
  for (const r of objs(rules)) if (r.scope == null) r.scope = '*';
}

function defaultSelectors(o: JsonObject): void {
  if (!isObject(o.namespaceSelector)) o.namespaceSelector = {};
  if (!isObject(o.objectSelector)) o.objectSelector = {};
}

function defaultWebhook(hook: JsonObject, mutating: boolean): void {
  if (hook.failurePolicy == null) hook.failurePolicy = 'Fail';
  if (hook.matchPolicy == null) hook.matchPolicy = 'Equivalent';
  defaultSelectors(hook);
  if (hook.timeoutSeconds == null) hook.timeoutSeconds = 10;
  if (mutating && hook.reinvocationPolicy == null) hook.reinvocationPolicy = 'Never';
  if (!isObject(hook.clientConfig)) hook.clientConfig = {};
  const service = obj(hook.clientConfig).service;
  if (isObject(service) && service.port == null) service.port = 443;
  defaultRules(hook.rules);
}

export const defaultMutatingWebhookConfiguration = (c: KObject): void => objs(c.webhooks).forEach((h) => defaultWebhook(h, true));
export const defaultValidatingWebhookConfiguration = (c: KObject): void => objs(c.webhooks).forEach((h) => defaultWebhook(h, false));

function defaultMatchResources(m: unknown): void {
  if (!isObject(m)) return;
  if (m.matchPolicy == null) m.matchPolicy = 'Equivalent';
  defaultSelectors(m);
  defaultRules(m.resourceRules);
  defaultRules(m.excludeResourceRules);
}

export function defaultValidatingAdmissionPolicy(p: KObject): void {
  if (!isObject(p.spec)) p.spec = {};
  const spec = p.spec as JsonObject;
  if (spec.failurePolicy == null) spec.failurePolicy = 'Fail';
  defaultMatchResources(spec.matchConstraints);
}

export function defaultValidatingAdmissionPolicyBinding(b: KObject): void {
  if (!isObject(b.spec)) b.spec = {};
  defaultMatchResources((b.spec as JsonObject).matchResources);
}
