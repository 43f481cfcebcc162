// The runtime handlers the node's containerd has: kubeadm's default config defines runc only,
// which the empty handler (no RuntimeClass) also selects. A sandbox asked for another handler
// (a RuntimeClass's `handler: runsc`) fails as containerd 2.0's RunPodSandbox does.
import { CriError } from '../../client/cri/errors.js';

export const RUNTIME_HANDLERS: readonly string[] = ['', 'runc'];

/** containerd's RunPodSandbox failure for a handler it has no runtime for; undefined if it has one. */
export function sandboxRuntimeError(handler: string, sandboxId: string): CriError | undefined {
  if (RUNTIME_HANDLERS.includes(handler)) return undefined;
  return new CriError('Unknown', `unable to get OCI runtime for sandbox ${JSON.stringify(sandboxId)}: no runtime for ${JSON.stringify(handler)} is configured`);
}
