// metav1.Status as encoding/json writes it: fields in the struct's order (kind, apiVersion,
// metadata, status, message, reason, details, code), empty ones left out as `omitempty` does —
// what the apiserver sends and what kubectl's debug line prints back.

export interface StatusCauseLike {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusLike {
  kind?: string;
  apiVersion?: string;
  metadata?: object;
  status?: string;
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCauseLike[]; retryAfterSeconds?: number };
  code?: number;
}

type Details = NonNullable<StatusLike['details']>;

function pick<T extends object>(o: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) if (o[k] !== undefined && o[k] !== '' && o[k] !== 0) out[k] = o[k];
  return out;
}

function orderDetails(d: Details): Details {
  const out = pick(d, ['name', 'group', 'kind', 'uid']);
  if (d.causes?.length) out.causes = d.causes.map((c) => pick(c, ['reason', 'message', 'field']));
  if (d.retryAfterSeconds) out.retryAfterSeconds = d.retryAfterSeconds;
  return out;
}

/** The Status with Go's key order; `metadata` is always there (`{}`), as a struct field is. */
export function goStatusOrder<T extends StatusLike>(s: T): T {
  const out = { ...pick(s, ['kind', 'apiVersion']), metadata: s.metadata ?? {}, ...pick(s, ['status', 'message', 'reason']) } as T;
  if (s.details !== undefined) out.details = orderDetails(s.details);
  if (s.code) out.code = s.code;
  return out;
}
