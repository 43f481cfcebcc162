// The pod-template-hash: FNV-1a (32 bit) of the pod template, then of the collision count when
// there is one (as 8 little-endian bytes), printed in decimal and each digit mapped through
// rand.SafeEncodeString's alphabet. Upstream hashes a spew dump of the Go struct; we hash the
// template's canonical JSON (keys sorted), so values differ from a real cluster's but the format
// (up to ten characters of "4-9bcdf") is the same.
import type { PodTemplate } from '../framework/pods.js';
import { POD_TEMPLATE_HASH } from './types.js';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** JSON with every object's keys sorted. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
    const o = x as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

function fnv1a(h: number, bytes: Uint8Array): number {
  let out = h;
  for (const b of bytes) out = Math.imul(out ^ b, FNV_PRIME) >>> 0;
  return out;
}

/** rand.SafeEncodeString: each byte to a character no one reads as a word. */
export const safeEncodeString = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => ALPHABET[b % ALPHABET.length]).join('');

export function computeHash(template: PodTemplate, collisionCount?: number | null): string {
  let h = fnv1a(FNV_OFFSET, Buffer.from(canonicalJson(template), 'utf8'));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(collisionCount >>> 0, 0);
    h = fnv1a(h, b);
  }
  return safeEncodeString(String(h));
}

/** Drops null, empty maps and empty lists: apimachinery's semantic equality sees nil = empty. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(normalize) : undefined;
  if (v === null || typeof v !== 'object') return v ?? undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const n = normalize(x);
    if (n !== undefined) out[k] = n;
  }
  return Object.keys(out).length ? out : undefined;
}

function withoutHash(t: PodTemplate | undefined): unknown {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return normalize({ ...t, metadata: { ...t?.metadata, labels } });
}

/** Whether two pod templates are equal once the pod-template-hash label is ignored. */
export const equalIgnoreHash = (a: PodTemplate | undefined, b: PodTemplate | undefined): boolean =>
  canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b));
