// ControllerRevisions as pkg/controller/history keeps them: a revision holds a patch that
// restores the owner's pod template, is named `<owner>-<hash>` and carries the hash as a label;
// hashes are FNV-32 of the data, written with the bad-word-free alphabet of rand.SafeEncodeString.
import type { Obj } from '../../client/types.js';
import { controllerRef } from '../framework/pods.js';

/** The label history.NewControllerRevision puts on a StatefulSet's revisions. */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';
/** The label on DaemonSet/StatefulSet pods (and DaemonSet revisions). */
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

export interface ControllerRevision extends Obj {
  data?: unknown;
  revision?: number;
}

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

/** FNV-1 (hash/fnv New32) over bytes, continuing from h. */
export function fnv32(bytes: Uint8Array, h = OFFSET): number {
  for (const b of bytes) h = (Math.imul(h, PRIME) ^ b) >>> 0;
  return h >>> 0;
}

/** FNV-1a (hash/fnv New32a) over bytes, continuing from h. */
export function fnv32a(bytes: Uint8Array, h = OFFSET): number {
  for (const b of bytes) h = Math.imul(h ^ b, PRIME) >>> 0;
  return h >>> 0;
}

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each byte mapped into an alphabet without vowels or look-alikes. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += ALPHANUMS[b % ALPHANUMS.length];
  return out;
}

/** JSON as Go's encoding/json writes a map[string]interface{}: sorted keys, <>& escaped. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortKeys(x);
  }
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** history.HashControllerRevision over the revision's raw data and collision count. */
export function hashRevisionData(raw: string, collisionCount?: number): string {
  let h = fnv32(utf8(raw));
  if (collisionCount !== undefined) h = fnv32(utf8(String(collisionCount)), h);
  return safeEncodeString(String(h));
}

/** history.ControllerRevisionName: prefix cut to 223 bytes, then `-hash`. */
export const revisionName = (prefix: string, hash: string): string => `${prefix.slice(0, 223)}-${hash}`;

/** The data both controllers store: a strategic merge patch replacing spec.template. */
export function templatePatch(template: unknown): Record<string, unknown> {
  return { spec: { template: { ...(template as Record<string, unknown>), $patch: 'replace' } } };
}

/** The template a revision's patch restores. */
export function templateOf(rev: ControllerRevision): Record<string, unknown> {
  const t = { ...((rev.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {}) };
  delete t.$patch;
  return t;
}

/** Sorted by revision number, ties by creation time then name (history.SortControllerRevisions). */
export function sortRevisions<T extends ControllerRevision>(revs: T[]): T[] {
  return [...revs].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0)
    || Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '')
    || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** A new revision of owner (history.NewControllerRevision); name and hash label from data. */
export function newRevision(owner: Obj, templateLabels: Record<string, string> | undefined, data: unknown, revision: number, collisionCount: number): ControllerRevision {
  const hash = hashRevisionData(goJson(data), collisionCount);
  return {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: {
      name: revisionName(owner.metadata.name ?? '', hash), namespace: owner.metadata.namespace,
      labels: { ...(templateLabels ?? {}), [REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRef(owner)],
    },
    data, revision,
  };
}

/** Revisions holding the same data (history.EqualRevision). */
export const equalRevision = (a: ControllerRevision, b: ControllerRevision): boolean => goJson(a.data) === goJson(b.data);
