// What the streaming server drives (streaming.Runtime): sessions in containers and connections
// into sandboxes, named by the IDs (or ID prefixes) the Exec, Attach and PortForward requests
// carried. Lookups happen when the stream starts, so a container gone since the RPC fails then,
// inside the stream, as containerd's execInContainer and attachContainer do.
import type { PortForwardTarget } from '../../../api/http/portforward-streams.js';
import type { StreamRequest, StreamSession } from '../../../api/http/remotecommand.js';

export interface StreamingRuntime {
  /** Runs req.command in the container; failures end the session with the kubelet-worded error. */
  exec(containerId: string, req: StreamRequest): StreamSession;
  /** Attaches to the container's process until it ends or the client leaves. */
  attach(containerId: string, req: StreamRequest): StreamSession;
  /** Connections to ports inside the sandbox's network namespace. */
  portForward(sandboxId: string): PortForwardTarget;
}

/** A session that ends at once with error. */
export const failed = (error: string): StreamSession => ({ run: async () => ({ error }) });
