// Dynamic provisioning (provisionClaim → provisionClaimOperationExternal): the claim is annotated
// with its class's provisioner and an ExternalProvisioning event says who is expected to act;
// `kubernetes.io/…` provisioners have no in-tree plugin left, so they fail as upstream does. For
// the node-local provisioners simulated here the volume is then created as the provisioner would
// (Provisioning / ProvisioningSucceeded from the provisioner's own event source).
import { isAlreadyExists } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { BinderEnv } from './binder-env.js';
import { claimClass, claimKey } from './pv-helpers.js';
import { RANCHER_LOCAL_PATH, isLocalProvisioner, localVolume, provisionedVolumeName } from './local-provisioner.js';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, asClaim, type PVC, type StorageClass,
} from './types.js';

const externalMessage = (p: string) => `Waiting for a volume to be created either by the external provisioner '${p}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

/** setClaimProvisioner: both provisioner annotations, written once. */
async function setClaimProvisioner(env: BinderEnv, claim: PVC, provisioner: string): Promise<PVC> {
  if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === provisioner) return claim;
  const annotations = { ...(claim.metadata.annotations ?? {}), [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
  return env.ctx.client.update<PVC>(REFS.persistentvolumeclaims, asClaim({ ...claim, metadata: { ...claim.metadata, annotations } }));
}

/** provisionClaim for a claim that names a class and found no volume. */
export async function provisionClaim(env: BinderEnv, claim: PVC): Promise<void> {
  const className = claimClass(claim);
  const cls = env.classes.getBy('', className);
  const warn = (msg: string) => env.ctx.recorder.event(asClaim(claim), 'Warning', 'ProvisioningFailed', msg);
  if (!cls) return warn(`storageclass.storage.k8s.io "${className}" not found`);
  const provisioner = cls.provisioner ?? '';
  if (provisioner.startsWith('kubernetes.io/')) return warn(`no volume plugin matched name: ${provisioner}`);
  let updated: PVC;
  try {
    updated = await setClaimProvisioner(env, claim, provisioner);
  } catch (err) {
    warn(`Error saving claim: ${(err as Error).message}`);
    throw err;
  }
  env.ctx.recorder.event(asClaim(updated), 'Normal', 'ExternalProvisioning', externalMessage(provisioner));
  if (isLocalProvisioner(provisioner)) await provisionLocal(env, updated, cls);
}

/** The node the volume goes to: the scheduler's pick, else (kubedojo.io/local only) the first node. */
function targetNode(env: BinderEnv, claim: PVC, cls: StorageClass): string | undefined {
  const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (selected || cls.provisioner === RANCHER_LOCAL_PATH) return selected;
  return env.nodes.list().map((n) => n.metadata.name ?? '').sort()[0];
}

function provisionError(env: BinderEnv, claim: PVC, cls: StorageClass): string | undefined {
  if (claim.spec?.selector) return 'claim.Spec.Selector is not supported';
  const node = targetNode(env, claim, cls);
  if (!node) return 'configuration error, no node was specified';
  if (claim.metadata.annotations?.[ANN_SELECTED_NODE] && !env.nodes.getBy('', node)) return `nodes "${node}" not found`;
  return undefined;
}

/** What the simulated external provisioner does with a claim addressed to it. */
async function provisionLocal(env: BinderEnv, claim: PVC, cls: StorageClass): Promise<void> {
  const name = provisionedVolumeName(claim);
  if (env.volumes.getBy('', name)) return;
  const rec = env.provisionerRecorder(cls.provisioner ?? '');
  rec.event(asClaim(claim), 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey(claim)}"`);
  const failure = provisionError(env, claim, cls);
  if (failure) {
    rec.event(asClaim(claim), 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${cls.metadata.name}": ${failure}`);
    return;
  }
  try {
    await env.ctx.client.create(REFS.persistentvolumes, '', localVolume(claim, cls, targetNode(env, claim, cls) ?? ''));
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    return;
  }
  rec.event(asClaim(claim), 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
}
