// The patches kubectl computes client-side: strategicpatch.CreateThreeWayMergePatch (apply, diff)
// and CreateTwoWayMergePatch (edit), and jsonmergepatch's three-way JSON merge patch for kinds
// without strategic-merge support (custom resources).
import { diffMaps } from './diff.js';
import { createMergePatch, mergePatches, hasConflicts, keepOrDeleteNull } from './json-merge.js';
import { mergeMap } from './merge.js';
import type { Lookup } from './meta.js';
import { deepCopy, has, isMap, type JsonMap } from './values.js';

/** Strategic merge patch from last-applied (`original`), the new config and the live object. */
export function threeWayStrategicPatch(original: JsonMap, modified: JsonMap, current: JsonMap, schema: Lookup): JsonMap {
  const delta = diffMaps(deepCopy(current), deepCopy(modified), schema, {
    ignoreDeletions: true, setElementOrder: true, ignoreChangesAndAdditions: false, buildRetainKeys: false,
  });
  const deletions = diffMaps(deepCopy(original), deepCopy(modified), schema, {
    setElementOrder: true, ignoreChangesAndAdditions: true, ignoreDeletions: false, buildRetainKeys: false,
  });
  return mergeMap(deletions, delta, schema);
}

export type Precondition = (patch: JsonMap) => boolean;

export const requireKeyUnchanged = (key: string): Precondition => (p) => !has(p, key);

export const requireMetadataKeyUnchanged = (key: string): Precondition => (p) => {
  const m = p.metadata;
  return !isMap(m) || !has(m, key);
};

export class PreconditionFailed extends Error {}

/** CreateTwoWayMergePatch with its preconditions. */
export function twoWayStrategicPatch(original: JsonMap, modified: JsonMap, schema: Lookup, preconditions: Precondition[] = []): JsonMap {
  const patch = diffMaps(deepCopy(original), deepCopy(modified), schema, {
    setElementOrder: true, ignoreChangesAndAdditions: false, ignoreDeletions: false, buildRetainKeys: false,
  });
  if (!preconditions.every((fn) => fn(patch))) throw new PreconditionFailed('precondition failed');
  return patch;
}

/** jsonmergepatch.CreateThreeWayJSONMergePatch with apply's preconditions (buildMergePatch). */
export function threeWayJsonMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap): JsonMap {
  const addAndChange = keepOrDeleteNull(createMergePatch(current, modified), false);
  const deletions = keepOrDeleteNull(createMergePatch(original, modified), true);
  if (hasConflicts(addAndChange, deletions)) throw new Error('conflict');
  const patch = mergePatches(deletions, addAndChange);
  const pre = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
  if (!pre.every((fn) => fn(patch))) throw new Error('At least one of apiVersion, kind and name was changed');
  return patch;
}
