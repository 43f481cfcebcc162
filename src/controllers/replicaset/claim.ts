// The ControllerRefManager: an owner claims the objects its selector matches. An orphan that
// matches is adopted (a strategic merge patch adds a controller ownerReference, with the child's
// uid as precondition), an owned object that no longer matches is released (the reference is
// patched away), an object controlled by someone else is left alone. Before the first adoption
// the owner is read fresh, so a deleted or re-created owner adopts nothing.
import type { Client, Obj, ResourceRef } from '../../client/types.js';
import { isNotFound } from '../../client/types.js';
import { controllerOf, controllerRef } from '../framework/pods.js';

export interface ClaimSpec {
  client: Client;
  /** The owner, with apiVersion and kind set. */
  owner: Obj;
  /** What is claimed (pods, replicasets). */
  childRef: ResourceRef;
  match: (child: Obj) => boolean;
  /** A fresh read of the owner (RecheckDeletionTimestamp). */
  fresh: () => Promise<Obj>;
}

const SMP = 'application/strategic-merge-patch+json';
const desc = (o: Obj) => `${o.metadata.namespace}/${o.metadata.name}`;

function adoptionGate(spec: ClaimSpec): () => Promise<void> {
  let checked: Promise<void> | undefined;
  const check = async () => {
    const want = spec.owner.metadata.uid;
    let fresh: Obj;
    try {
      fresh = await spec.fresh();
    } catch (err) {
      throw new Error(`can't recheck DeletionTimestamp: ${(err as Error).message}`);
    }
    if (fresh.metadata.uid !== want) throw new Error(`can't recheck DeletionTimestamp: original ${spec.owner.kind} ${desc(spec.owner)} is gone: got uid ${fresh.metadata.uid}, wanted ${want}`);
    if (fresh.metadata.deletionTimestamp) throw new Error(`${desc(fresh)} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  };
  return () => (checked ??= check());
}

async function adopt(spec: ClaimSpec, child: Obj, gate: () => Promise<void>): Promise<Obj> {
  try {
    await gate();
  } catch (err) {
    throw new Error(`can't adopt ${spec.childRef.kind} ${desc(child)} (${child.metadata.uid}): ${(err as Error).message}`);
  }
  const patch = { metadata: { ownerReferences: [controllerRef(spec.owner)], uid: child.metadata.uid } };
  return spec.client.patch(spec.childRef, child.metadata.namespace ?? '', child.metadata.name ?? '', SMP, patch);
}

async function release(spec: ClaimSpec, child: Obj): Promise<void> {
  const patch = { metadata: { ownerReferences: [{ $patch: 'delete', uid: spec.owner.metadata.uid }], uid: child.metadata.uid } };
  await spec.client.patch(spec.childRef, child.metadata.namespace ?? '', child.metadata.name ?? '', SMP, patch);
}

/** The child as claimed (after adoption, as the server returned it), or undefined. */
async function claimOne(spec: ClaimSpec, child: Obj, gate: () => Promise<void>): Promise<Obj | undefined> {
  const owner = spec.owner;
  const ref = controllerOf(child);
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return undefined;
    if (spec.match(child)) return child;
    if (owner.metadata.deletionTimestamp) return undefined;
    await release(spec, child);
    return undefined;
  }
  if (owner.metadata.deletionTimestamp || !spec.match(child) || child.metadata.deletionTimestamp) return undefined;
  if (owner.metadata.namespace && owner.metadata.namespace !== child.metadata.namespace) return undefined;
  return adopt(spec, child, gate);
}

/**
 * The children the owner controls after adopting and releasing; throws (after trying every
 * child) when an adoption or release failed for another reason than the child being gone.
 */
export async function claim(spec: ClaimSpec, children: Obj[]): Promise<Obj[]> {
  const gate = adoptionGate(spec);
  const claimed: Obj[] = [];
  const errors: string[] = [];
  for (const child of children) {
    try {
      const mine = await claimOne(spec, child, gate);
      if (mine) claimed.push(mine);
    } catch (err) {
      if (!isNotFound(err)) errors.push((err as Error).message);
    }
  }
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${errors.join(', ')}]`);
  return claimed;
}
