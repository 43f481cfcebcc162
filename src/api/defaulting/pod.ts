// SetDefaults_Pod: what only a Pod (not a template) gets, and the Priority admission outcome.
import { isObject, obj, objs, type JsonObject } from '../validation/json.js';
import type { KObject } from '../types.js';
import { defaultPodSpec } from './podspec.js';

function requestsFromLimits(c: JsonObject): void {
  const res = obj(c.resources);
  if (!isObject(res.limits)) return;
  if (!isObject(res.requests)) res.requests = {};
  const requests = res.requests as JsonObject;
  for (const [k, v] of Object.entries(res.limits)) if (requests[k] === undefined) requests[k] = v;
}

function hostNetworkPorts(containers: unknown): void {
  for (const c of objs(containers)) for (const p of objs(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
}

/** The v1 Pod defaulter: pod spec defaults, then limits→requests, service links, host ports. */
export function defaultPod(pod: KObject): void {
  if (!isObject(pod.spec)) pod.spec = {};
  const spec = pod.spec as JsonObject;
  defaultPodSpec(spec);
  for (const c of [...objs(spec.containers), ...objs(spec.initContainers)]) requestsFromLimits(c);
  if (typeof spec.enableServiceLinks !== 'boolean') spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    hostNetworkPorts(spec.containers);
    hostNetworkPorts(spec.initContainers);
  }
}

/**
 * What the Priority admission plugin sets when no PriorityClass applies: priority 0 and
 * preemptionPolicy PreemptLowerPriority. Not a v1 default, so applyDefaults leaves it out;
 * admission calls this (with the resolved class's value and policy when one applies).
 */
export function defaultPodPriority(pod: KObject, priority = 0, preemptionPolicy = 'PreemptLowerPriority'): void {
  const spec = obj(pod.spec);
  if (typeof spec.priority !== 'number') spec.priority = priority;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = preemptionPolicy;
}
