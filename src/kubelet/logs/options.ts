// PodLogOptions from a pods/log query, decoded as the apiserver's parameter codec does (a boolean
// is true unless absent, "false" or "0"; integers base 10; sinceTime RFC 3339) and checked as
// ValidatePodLogOptions does; then the CRI reader's view of them (kuberuntime's NewLogOptions).
import type { FieldError } from '../../api/types.js';
import { forbidden, invalid } from '../../api/validation/field.js';
import { parseTimeNs } from './cri-line.js';

export interface PodLogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  sinceSeconds?: number;
  /** RFC 3339, as the client sent it. */
  sinceTime?: string;
}

export type DecodedOptions =
  | { ok: true; options: PodLogOptions; problems: FieldError[] }
  | { ok: false; message: string };

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const bool = (q: URLSearchParams, k: string): boolean => {
  const v = q.get(k);
  return v !== null && v !== '0' && v.toLowerCase() !== 'false';
};

/** strconv.ParseInt(v, 10, 64), with Go's error text. */
function int(v: string): number | string {
  if (!/^[+-]?\d+$/.test(v)) return `strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) return `strconv.ParseInt: parsing ${JSON.stringify(v)}: value out of range`;
  return n;
}

export function decodeLogOptions(q: URLSearchParams): DecodedOptions {
  const o: PodLogOptions = { follow: bool(q, 'follow'), previous: bool(q, 'previous'), timestamps: bool(q, 'timestamps') };
  const container = q.get('container');
  if (container) o.container = container;
  for (const k of ['tailLines', 'limitBytes', 'sinceSeconds'] as const) {
    const v = q.get(k);
    if (v === null) continue;
    const n = int(v);
    if (typeof n === 'string') return { ok: false, message: n };
    o[k] = n;
  }
  const since = q.get('sinceTime');
  if (since && since !== 'null') {
    if (!RFC3339.test(since)) return { ok: false, message: `parsing time ${JSON.stringify(since)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(since)} as "2006"` };
    o.sinceTime = since;
  }
  return { ok: true, options: o, problems: validateLogOptions(o) };
}

/** ValidatePodLogOptions. */
export function validateLogOptions(o: PodLogOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (o.tailLines !== undefined && o.tailLines < 0) errs.push(invalid('tailLines', o.tailLines, 'must be greater than or equal to 0'));
  if (o.limitBytes !== undefined && o.limitBytes < 1) errs.push(invalid('limitBytes', o.limitBytes, 'must be greater than 0'));
  if (o.sinceSeconds !== undefined && o.sinceTime !== undefined) errs.push(forbidden('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'));
  else if (o.sinceSeconds !== undefined && o.sinceSeconds < 1) errs.push(invalid('sinceSeconds', o.sinceSeconds, 'must be greater than 0'));
  return errs;
}

/** What the CRI log reader needs: -1 for "all", since as ns since the epoch (0n: none). */
export interface ReadOptions {
  tail: number;
  bytes: number;
  sinceNs: bigint;
  follow: boolean;
  timestamps: boolean;
}

export function readOptions(o: PodLogOptions, nowMs: number): ReadOptions {
  let sinceNs = 0n;
  if (o.sinceSeconds !== undefined) sinceNs = BigInt(nowMs - o.sinceSeconds * 1000) * 1_000_000n;
  if (o.sinceTime !== undefined) {
    const t = parseTimeNs(o.sinceTime);
    if (t !== undefined && t > sinceNs) sinceNs = t;
  }
  return { tail: o.tailLines ?? -1, bytes: o.limitBytes ?? -1, sinceNs, follow: o.follow, timestamps: o.timestamps };
}
