// The node's containerd: its version (CRI Version, and the node's containerRuntimeVersion the
// kubelet derives from it) and the runtime handlers it has: kubeadm's default config defines runc
// only, which the empty handler (no RuntimeClass) also selects. A sandbox asked for another
// handler (a RuntimeClass's `handler: runsc`) fails as containerd 2.0's RunPodSandbox does.
import { CriError } from '../../client/cri/errors.js';
import type * as T from '../../client/cri/types.js';

export const RUNTIME_VERSION: T.VersionResponse = { version: '0.1.0', runtimeName: 'containerd', runtimeVersion: 'v2.0.0', runtimeApiVersion: 'v1' };

/** The node's status.nodeInfo.containerRuntimeVersion: `<name>://<version>`, the version as ParseGeneric prints it (no `v`). */
export const CONTAINER_RUNTIME_VERSION = `${RUNTIME_VERSION.runtimeName}://${RUNTIME_VERSION.runtimeVersion.replace(/^v/, '')}`;

export const RUNTIME_HANDLERS: readonly string[] = ['', 'runc'];

/** containerd's RunPodSandbox failure for a handler it has no runtime for; undefined if it has one. */
export function sandboxRuntimeError(handler: string, sandboxId: string): CriError | undefined {
  if (RUNTIME_HANDLERS.includes(handler)) return undefined;
  return new CriError('Unknown', `unable to get OCI runtime for sandbox ${JSON.stringify(sandboxId)}: no runtime for ${JSON.stringify(handler)} is configured`);
}
