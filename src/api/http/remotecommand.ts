// The remote command contract between the apiserver and a node's kubelet (exec and attach): what
// is asked (PodExecOptions / PodAttachOptions as the kubelet's query reads them), the streams a
// session writes and reads, and how it ends. Also the Status objects the error channel carries.

/** One exec or attach, as the kubelet's remotecommand server reads its query. */
export interface StreamRequest {
  namespace: string;
  name: string;
  /** Checked by the apiserver; the pod's only container when the request named none. */
  container: string;
  /** exec's command line; empty for attach. */
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** The streams of a running session. */
export interface StreamIO {
  /** The client's input, ending when it closes its side; absent without stdin. */
  stdin?: AsyncIterable<Buffer>;
  stdout(data: Buffer | string): void;
  stderr(data: Buffer | string): void;
  /** Terminal size changes (tty sessions). */
  resizes: AsyncIterable<TerminalSize>;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

/** How a session ended: the command's exit code, or the runtime's failure (after the streams opened). */
export type StreamEnd = { exitCode: number } | { error: string };

/** The kubelet's HTTP answer when it does not stream (unknown pod, container not running, bad options). */
export interface StreamRefusal {
  code: number;
  message: string;
}

export interface StreamSession {
  run(io: StreamIO): Promise<StreamEnd>;
}

/** A kubelet's exec or attach endpoint. */
export type StreamBackend = (req: StreamRequest) => Promise<StreamRefusal | StreamSession>;

/** The kubelet could not be dialled (its port does not answer). */
export class KubeletDialError extends Error {
  constructor(readonly url: string, readonly reason: string) {
    super(`dial ${url}: ${reason}`);
  }
}

export const isRefusal = (x: StreamRefusal | StreamSession): x is StreamRefusal => 'code' in x;

/** metav1.Status as json.Marshal writes it on the error channel (no kind/apiVersion). */
export interface ChannelStatus {
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { causes: { reason?: string; message: string }[] };
  code?: number;
}

export const successStatus = (): ChannelStatus => ({ metadata: {}, status: 'Success' });

/** apierrors.NewInternalError(errors.New(message)). */
export const internalStatus = (message: string): ChannelStatus => ({
  metadata: {}, status: 'Failure', message: `Internal error occurred: ${message}`, reason: 'InternalError', details: { causes: [{ message }] }, code: 500,
});

/** The NonZeroExitCode Status with its ExitCode cause; message as the sender words it. */
export const exitStatus = (code: number, message: string): ChannelStatus => ({
  metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: ${message}`, reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
});
