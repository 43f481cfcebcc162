// flowcontrol.apiserver.k8s.io/v1 defaulters (v1.32): a FlowSchema's matchingPrecedence 1000; a
// limited level's nominalConcurrencyShares 30 and lendablePercent 0, its queuing 64 queues, hand
// size 8, queue length limit 50; an exempt level's shares and lendable percent 0.
import type { KObject } from '../types.js';
import { isObject, type JsonObject } from '../validation/json.js';

const section = (o: JsonObject, k: string): JsonObject | undefined => (isObject(o[k]) ? o[k] : undefined);

export function defaultFlowSchema(fs: KObject): void {
  if (!isObject(fs.spec)) fs.spec = {};
  const spec = fs.spec as JsonObject;
  if (!spec.matchingPrecedence) spec.matchingPrecedence = 1000;
  if (!isObject(spec.priorityLevelConfiguration)) spec.priorityLevelConfiguration = {};
}

function defaultQueuing(q: JsonObject): void {
  if (!q.handSize) q.handSize = 8;
  if (!q.queues) q.queues = 64;
  if (!q.queueLengthLimit) q.queueLengthLimit = 50;
}

export function defaultPriorityLevelConfiguration(pl: KObject): void {
  if (!isObject(pl.spec)) pl.spec = {};
  const spec = pl.spec as JsonObject;
  const exempt = section(spec, 'exempt');
  if (exempt) {
    if (exempt.nominalConcurrencyShares == null) exempt.nominalConcurrencyShares = 0;
    if (exempt.lendablePercent == null) exempt.lendablePercent = 0;
  }
  const limited = section(spec, 'limited');
  if (!limited) return;
  if (limited.nominalConcurrencyShares == null) limited.nominalConcurrencyShares = 30;
  if (limited.lendablePercent == null) limited.lendablePercent = 0;
  if (!isObject(limited.limitResponse)) limited.limitResponse = {};
  const queuing = section(limited.limitResponse as JsonObject, 'queuing');
  if (queuing) defaultQueuing(queuing);
}
