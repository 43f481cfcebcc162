// HPA status conditions (setConditionInList): one per type, lastTransitionTime moving only when
// the status does.
import { rfc3339 } from '../framework/pods.js';
import type { HPACondition } from './types.js';

export type SetCondition = (type: string, status: 'True' | 'False', reason: string, message: string) => void;

export function setConditionIn(list: HPACondition[], now: number, type: string, status: string, reason: string, message: string): HPACondition[] {
  const out = [...list];
  const i = out.findIndex((c) => c.type === type);
  const prev = i >= 0 ? out[i]! : undefined;
  const lastTransitionTime = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now);
  const next: HPACondition = { type, status, lastTransitionTime, reason, message };
  if (i >= 0) out[i] = next;
  else out.push(next);
  return out;
}
