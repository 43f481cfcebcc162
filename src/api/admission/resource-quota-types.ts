// The contract of a quota evaluator: for one kind of object, which quota resources it consumes,
// when a request may change its usage, and how much it uses (quota.Evaluator upstream).
import type { KObject } from '../types.js';
import type { Operation } from '../registry/admission.js';
import type { ResourceList } from '../quantity/resource-list.js';
import type { ScopeSelector } from './resource-quota-scopes.js';

export interface QuotaEvaluator {
  group: string;
  resource: string;
  /** Handles: whether a request with this operation may change usage. */
  handles(op: Operation): boolean;
  /** MatchingResources: the names (of a quota's hard) this evaluator tracks. */
  matchingResources(names: string[]): string[];
  /** The scope function; kinds other than pods match no scope. */
  matchesScope(sel: ScopeSelector, obj: KObject): boolean;
  /** Constraints: a `failed quota` reason, or undefined. */
  constraints(required: string[], obj: KObject): string | undefined;
  usage(obj: KObject, now: number): ResourceList;
}
