// Indexed Jobs: the completion index a pod carries, and completed indexes kept as ordered
// intervals and written as `.status.completedIndexes` ("1,3-5,7").
import type { Obj } from '../../client/types.js';

export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

export interface Interval {
  first: number;
  last: number;
}

/** The pod's completion index, or -1 if it has none or it is not a number. */
export function completionIndex(p: Obj): number {
  const v = p.metadata.annotations?.[COMPLETION_INDEX];
  if (v === undefined || !/^\d+$/.test(v)) return -1;
  return Number(v);
}

/** The intervals with newIndexes (ascending) merged in. */
export function withIndexes(ivs: Interval[], newIndexes: number[]): Interval[] {
  const all = [...ivs.map((i) => ({ ...i })), ...newIndexes.map((i) => ({ first: i, last: i }))].sort((a, b) => a.first - b.first);
  const out: Interval[] = [];
  for (const iv of all) {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (iv.last > last.last) last.last = iv.last;
  }
  return out;
}

export const totalIndexes = (ivs: Interval[]): number => ivs.reduce((n, i) => n + i.last - i.first + 1, 0);

export const hasIndex = (ivs: Interval[], ix: number): boolean => ivs.some((i) => i.first <= ix && ix <= i.last);

/** Intervals as status.completedIndexes writes them: a pair as "a,b", longer runs as "a-b". */
export function formatIndexes(ivs: Interval[]): string {
  return ivs.map((i) => (i.last === i.first ? `${i.first}` : i.last === i.first + 1 ? `${i.first},${i.last}` : `${i.first}-${i.last}`)).join(',');
}

/** Parses completedIndexes, dropping indexes at or beyond completions and corrupt parts. */
export function parseIndexes(s: string | undefined, completions: number): Interval[] {
  if (!s) return [];
  const out: Interval[] = [];
  for (const part of s.split(',')) {
    const [a, b] = part.split('-');
    const first = Number(a);
    if (!/^\d+$/.test(a ?? '') || (b !== undefined && !/^\d+$/.test(b))) continue;
    if (first >= completions) break;
    const last = b === undefined ? first : Math.min(Number(b), completions - 1);
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

/** The first count indexes below completions held by neither an active pod nor a success. */
export function firstPendingIndexes(activePods: Obj[], succeeded: Interval[], count: number, completions: number): number[] {
  const taken = withIndexes(succeeded, [...new Set(activePods.map(completionIndex).filter((i) => i >= 0))].sort((a, b) => a - b));
  const out: number[] = [];
  for (let ix = 0; ix < completions && out.length < count; ix++) if (!hasIndex(taken, ix)) out.push(ix);
  return out;
}
