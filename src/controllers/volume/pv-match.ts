// Finding a volume for a claim (persistentVolumeOrderedIndex.findByClaim + FindMatchingVolume):
// volumes are grouped by their access modes; groups whose modes include all the claim asks for
// are searched fewest-modes first; within a group a volume pre-bound to the claim wins,
// otherwise the smallest Available one of the claim's class that fits and matches the selector.
import { fromLabelSelector, matchesLabels } from '../../api/selectors/labels.js';
import { compareQuantity } from '../../api/validation/quantity.js';
import { volumeFitsNode } from './node-affinity.js';
import {
  accessModesKey, capacityAtLeast, checkAccessModes, claimClass, isVolumeBoundToClaim, volumeCapacity, volumeClass,
  volumeModeMismatch,
} from './pv-helpers.js';
import { PHASE, type PV, type PVC } from './types.js';

/** The node the scheduler picked (scheduler path: node affinity and access modes are checked). */
export interface MatchNode {
  name: string;
  labels?: Record<string, string>;
}

/** FindMatchingVolume over one group of volumes. */
export function findMatchingVolume(claim: PVC, volumes: PV[], delayBinding: boolean, node?: MatchNode): PV | undefined {
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : undefined;
  const wantClass = claimClass(claim);
  let best: PV | undefined;
  for (const v of volumes) {
    if (v.spec?.claimRef && !isVolumeBoundToClaim(v, claim)) continue;
    if (!capacityAtLeast(v, claim) || volumeModeMismatch(claim, v) || v.metadata.deletionTimestamp) continue;
    const fits = !node || volumeFitsNode(v, node.labels);
    if (isVolumeBoundToClaim(v, claim)) return fits ? v : undefined;
    if (!node && delayBinding) continue;
    if (v.status?.phase !== PHASE.available) continue;
    if (selector && !matchesLabels(selector, v.metadata.labels)) continue;
    if (volumeClass(v) !== wantClass || !fits) continue;
    if (node && !checkAccessModes(claim, v)) continue;
    if (!best || compareQuantity(volumeCapacity(best), volumeCapacity(v)) > 0) best = v;
  }
  return best;
}

/** The access-mode groups a claim may use, fewest modes first. */
function modeGroups(claim: PVC, volumes: PV[]): PV[][] {
  const want = claim.spec?.accessModes ?? [];
  const groups = new Map<string, PV[]>();
  for (const v of volumes) {
    const k = accessModesKey(v.spec?.accessModes);
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  return [...groups.entries()]
    .filter(([k]) => want.every((m) => k.split(',').includes(m)))
    .sort(([a], [b]) => a.split(',').length - b.split(',').length || a.localeCompare(b))
    .map(([, vs]) => vs.sort((x, y) => (x.metadata.name ?? '').localeCompare(y.metadata.name ?? '')));
}

/** findBestMatchForClaim: the volume to bind the claim to, if any. */
export function findBestMatch(claim: PVC, volumes: PV[], delayBinding: boolean, node?: MatchNode): PV | undefined {
  for (const group of modeGroups(claim, volumes)) {
    const v = findMatchingVolume(claim, group, delayBinding, node);
    if (v) return v;
  }
  return undefined;
}
