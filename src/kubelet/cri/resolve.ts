// Finding things by what a user types (containerd's truncindex and image lookup, §6 of the
// crictl reference): any unique ID prefix; an ambiguous one is an Unknown error.
import { CriError } from '../../client/cri/errors.js';
import { parseImageRef } from '../runtime/image-ref.js';
import type { ImageEntry } from './state.js';

export type Lookup<T> = { found: T } | { error: 'not found' | string };

/** The one entry whose ID starts with prefix (containerd's truncindex). */
export function byPrefix<T extends { id: string }>(items: Iterable<T>, prefix: string): Lookup<T> {
  if (!prefix) return { error: 'prefix can\'t be empty' };
  let hit: T | undefined;
  for (const it of items) {
    if (it.id === prefix) return { found: it };
    if (!it.id.startsWith(prefix)) continue;
    if (hit) return { error: `Multiple IDs found with provided prefix: ${prefix}` };
    hit = it;
  }
  return hit ? { found: hit } : { error: 'not found' };
}

/** The gRPC error for a failed lookup: NotFound for `not found`, Unknown otherwise. */
export function lookupError(what: string, error: string): CriError {
  return new CriError(error === 'not found' ? 'NotFound' : 'Unknown', `${what}: ${error}`);
}

/** A container by ID or prefix, or the error containerd gives (`an error occurred when try to find container "X": …`). */
export function findContainer<T extends { id: string }>(items: Iterable<T>, id: string): T {
  const r = byPrefix(items, id);
  if ('found' in r) return r.found;
  throw lookupError(`an error occurred when try to find container "${id}"`, r.error);
}

/** A sandbox by ID or prefix; containerd's message names no ID. */
export function findSandbox<T extends { id: string }>(items: Iterable<T>, id: string): T {
  const r = byPrefix(items, id);
  if ('found' in r) return r.found;
  throw lookupError('an error occurred when try to find sandbox', r.error);
}

/** The ID a list filter names: the unique match, or the text itself (which then matches nothing). */
export function filterId<T extends { id: string }>(items: Iterable<T>, id: string): string {
  const r = byPrefix(items, id);
  return 'found' in r ? r.found.id : id;
}

const FULL_ID = /^sha256:[0-9a-f]{64}$/;
const HEX = /^[0-9a-f]+$/;

/** The local image a reference names (full ID, normalised reference, or ID hex prefix); undefined when absent. */
export function findImage(images: ImageEntry[], ref: string): ImageEntry | undefined {
  if (FULL_ID.test(ref)) return images.find((i) => i.id === ref);
  const parsed = parseImageRef(ref);
  if (!('error' in parsed)) {
    const hit = images.find((i) => i.repoTags.includes(parsed.full) || i.repoDigests.includes(parsed.full));
    if (hit) return hit;
  }
  if (!HEX.test(ref)) return undefined;
  const matches = images.filter((i) => i.id.slice('sha256:'.length).startsWith(ref));
  if (matches.length > 1) throw new CriError('Unknown', `ambiguous digest string`);
  return matches[0];
}
