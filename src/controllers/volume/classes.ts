// StorageClass questions the binder asks: is the claim's binding delayed until a pod is
// scheduled (IsDelayBindingMode), and which class is the default one a class-less claim gets
// retroactively (GetDefaultClass: the newest of those annotated is-default-class=true).
import { REFS } from '../../client/refs.js';
import type { BinderEnv } from './binder-env.js';
import { claimClass, claimHasClass } from './pv-helpers.js';
import { ANN_BETA_DEFAULT_CLASS, ANN_DEFAULT_CLASS, asClaim, type PVC, type StorageClass } from './types.js';

/** IsDelayBindingMode: a missing class binds immediately. */
export function isDelayBinding(env: BinderEnv, claim: PVC): boolean {
  const name = claimClass(claim);
  if (!name) return false;
  const cls = env.classes.getBy('', name);
  if (!cls) return false;
  if (!cls.volumeBindingMode) throw new Error(`VolumeBindingMode not set for StorageClass "${name}"`);
  return cls.volumeBindingMode === 'WaitForFirstConsumer';
}

const isDefault = (c: StorageClass): boolean => {
  const a = c.metadata.annotations ?? {};
  return a[ANN_DEFAULT_CLASS] === 'true' || a[ANN_BETA_DEFAULT_CLASS] === 'true';
};

/** GetDefaultClass: among default classes the most recently created, then by name. */
export function defaultClass(classes: StorageClass[]): StorageClass | undefined {
  return classes.filter(isDefault).sort((a, b) => {
    const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
    return tb - ta || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  })[0];
}

/** assignDefaultStorageClass: a claim with no class at all gets the default one; true if written. */
export async function assignDefaultStorageClass(env: BinderEnv, claim: PVC): Promise<boolean> {
  if (claimHasClass(claim)) return false;
  const cls = defaultClass(env.classes.list());
  if (!cls) return false;
  const spec = { ...(claim.spec ?? {}), storageClassName: cls.metadata.name };
  await env.ctx.client.update(REFS.persistentvolumeclaims, asClaim({ ...claim, spec }));
  return true;
}
