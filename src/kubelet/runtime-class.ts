// The runtime handler of a pod's sandbox (the kubelet's runtimeclass manager): none without a
// RuntimeClass, else the class's `handler`, which the node's containerd must have a runtime for.
import { ApiError, isNotFound, type Client } from '../client/types.js';
import { REFS } from '../client/refs.js';
import { sandboxRuntimeError } from './cri/containerd.js';
import { podSpec, type Pod } from './pod-spec.js';

/** The handler for the sandbox `sandboxId`, or the error kuberuntime's createPodSandbox reports. */
export async function sandboxHandler(client: Client, pod: Pod, sandboxId: string): Promise<{ handler: string } | { error: string }> {
  const name = podSpec(pod).runtimeClassName ?? '';
  if (name === '') return { handler: '' };
  let handler: string;
  try {
    const rc = await client.get(REFS.runtimeclasses, '', name);
    handler = typeof rc.handler === 'string' ? rc.handler : '';
  } catch (err) {
    // the lister's NotFound names the resource by its kind, lower-case
    if (isNotFound(err)) return { error: `runtimeclass.node.k8s.io ${JSON.stringify(name)} not found` };
    if (err instanceof ApiError) return { error: `failed to lookup RuntimeClass ${name}: ${err.message}` };
    throw err;
  }
  const refused = sandboxRuntimeError(handler, sandboxId);
  return refused ? { error: refused.message } : { handler };
}
