// The AdmissionReview a webhook is sent (admission.k8s.io/v1, as apiserver's
// webhook/request CreateV1AdmissionReview fills it) and the checks its answer must pass
// (VerifyAdmissionResponse), in upstream's words.
import type { AdmissionRequest } from '../../registry/admission.js';
import type { KObject } from '../../types.js';
import { requestNamespace } from './match.js';
import { groupVersion } from '../../resources/types.js';

export interface ReviewResponse {
  allowed: boolean;
  patch?: string;
  patchType?: string;
  result?: { status?: string; message?: string; reason?: string; code?: number; details?: unknown; metadata?: unknown };
  warnings?: string[];
}

/** The operation's options kind; a CONNECT has none (its object is the options). */
const OPTIONS_KIND = { CREATE: 'CreateOptions', UPDATE: 'UpdateOptions', DELETE: 'DeleteOptions', CONNECT: undefined } as const;

/** The review sent for req, with uid as its request's uid. */
export function admissionReview(req: AdmissionRequest, uid: string, version: ReviewVersion = 'v1'): Record<string, unknown> {
  const gvk = { group: req.d.group, version: req.d.version, kind: req.kind ?? req.d.kind };
  const gvr = { group: req.d.group, version: req.d.version, resource: req.d.plural };
  const u = req.ctx.user;
  const userInfo: Record<string, unknown> = { username: u.name };
  if (u.uid) userInfo.uid = u.uid;
  if (u.groups.length) userInfo.groups = u.groups;
  if (u.extra && Object.keys(u.extra).length) userInfo.extra = u.extra;
  const optionsKind = OPTIONS_KIND[req.op];
  const options: Record<string, unknown> | null = optionsKind ? { kind: optionsKind, apiVersion: 'meta.k8s.io/v1' } : null;
  if (options && req.ctx.dryRun) options.dryRun = ['All'];
  const request: Record<string, unknown> = {
    uid,
    kind: gvk,
    resource: gvr,
    ...(req.subresource ? { subResource: req.subresource } : {}),
    requestKind: gvk,
    requestResource: gvr,
    ...(req.subresource ? { requestSubResource: req.subresource } : {}),
    ...(req.name ? { name: req.name } : {}),
    ...(requestNamespace(req) ? { namespace: requestNamespace(req) } : {}),
    operation: req.op,
    userInfo,
    object: req.op === 'DELETE' ? null : withTypeMeta(req, req.obj),
    oldObject: req.op === 'CREATE' ? null : withTypeMeta(req, req.old),
    dryRun: req.ctx.dryRun,
    options,
  };
  return { kind: 'AdmissionReview', apiVersion: `admission.k8s.io/${version}`, request };
}

/** An object as the review carries it: with the request's apiVersion and kind. */
export function withTypeMeta(req: AdmissionRequest, o: KObject | undefined): KObject | null {
  return o ? { ...o, apiVersion: groupVersion(req.d), kind: req.kind ?? req.d.kind } : null;
}

/** The AdmissionReview versions this apiserver speaks; a webhook gets the first of its list it knows. */
export const REVIEW_VERSIONS = ['v1', 'v1beta1'] as const;
export type ReviewVersion = (typeof REVIEW_VERSIONS)[number];

export function reviewVersion(accepted: string[] | undefined): ReviewVersion | undefined {
  return (accepted ?? []).find((v): v is ReviewVersion => (REVIEW_VERSIONS as readonly string[]).includes(v));
}

const V1_GVK = 'admission.k8s.io/v1, Kind=AdmissionReview';

/** What apimachinery's GroupVersionKind.String() prints for a decoded apiVersion and kind. */
function gvkString(apiVersion: unknown, kind: unknown): string {
  const av = typeof apiVersion === 'string' ? apiVersion : '';
  const k = typeof kind === 'string' ? kind : '';
  const slash = av.indexOf('/');
  const [group, version] = slash < 0 ? ['', av] : [av.slice(0, slash), av.slice(slash + 1)];
  return `${group}/${version}, Kind=${k}`;
}

const has = (o: Record<string, unknown>, k: string): boolean => o[k] !== undefined && o[k] !== null;

/** VerifyAdmissionResponse: the response, or the reason it is refused (an Error). */
export function verifyResponse(uid: string, mutating: boolean, review: unknown, version: ReviewVersion = 'v1'): ReviewResponse {
  const r = (review ?? {}) as { apiVersion?: unknown; kind?: unknown; response?: Record<string, unknown> | null };
  const resp = r.response;
  if (resp == null) throw new Error('webhook response was absent');
  const patch = typeof resp.patch === 'string' ? resp.patch : '';
  const out: ReviewResponse = { allowed: resp.allowed === true };
  if (resp.status && typeof resp.status === 'object') out.result = resp.status as ReviewResponse['result'];
  if (Array.isArray(resp.warnings)) out.warnings = resp.warnings.filter((w): w is string => typeof w === 'string');
  if (version === 'v1beta1') {
    // v1beta1 answers are taken as they come: a patch is a JSON patch
    if (mutating && patch) Object.assign(out, { patch, patchType: 'JSONPatch' });
    return out;
  }
  const got = typeof resp.uid === 'string' ? resp.uid : '';
  if (got !== uid) throw new Error(`expected response.uid=${JSON.stringify(uid)}, got ${JSON.stringify(got)}`);
  const gvk = gvkString(r.apiVersion, r.kind);
  if (gvk !== V1_GVK) throw new Error(`expected webhook response of ${V1_GVK}, got ${gvk}`);
  if (!mutating) {
    if (patch) throw new Error('validating webhook may not return response.patch');
    if (has(resp, 'patchType')) throw new Error('validating webhook may not return response.patchType');
    return out;
  }
  if (patch && !has(resp, 'patchType')) throw new Error('webhook returned response.patch but not response.patchType');
  if (!patch && has(resp, 'patchType')) throw new Error('webhook returned response.patchType but not response.patch');
  if (has(resp, 'patchType')) {
    const patchType = typeof resp.patchType === 'string' ? resp.patchType : '';
    if (patchType === '') throw new Error(`webhook returned invalid response.patchType of ${JSON.stringify(patchType)}`);
    Object.assign(out, { patch, patchType });
  }
  return out;
}
