// One probe of a container (prober.probe): the handler runs (tried up to three times while it
// errors), and the verdict is reported as upstream's events on the container —
// `Warning Unhealthy <Kind> probe failed: <output>`, `<Kind> probe errored: <err>` (a result
// that is then thrown away), `Warning ProbeWarning <Kind> probe warning: <output>`.
import { fieldPathOf } from '../container-start.js';
import type { KubeletRecorder } from '../events.js';
import { formatPod, type Probe } from '../pod-spec.js';
import { execProbe } from './exec.js';
import { grpcProbe } from './grpc.js';
import { httpGetProbe } from './http.js';
import type { ProbeTarget } from './target.js';
import { tcpSocketProbe } from './tcp.js';
import { ProbeError, timings, type Outcome, type ProbeKind } from './types.js';

const MAX_PROBE_RETRIES = 3;

/** runProbe: the probe's handler against the target. */
export function runHandler(p: Probe, t: ProbeTarget): Promise<Outcome> {
  const timeout = timings(p).timeoutSeconds;
  if (p.exec) return execProbe(t, p.exec.command ?? [], timeout);
  if (p.httpGet) return httpGetProbe(t, p.httpGet, timeout);
  if (p.tcpSocket) return tcpSocketProbe(t, p.tcpSocket, timeout);
  if (p.grpc) return grpcProbe(t, p.grpc, timeout);
  return Promise.reject(new ProbeError(`missing probe handler for ${formatPod(t.pod)}:${t.container.name}`));
}

/** runProbeWithRetries: the first outcome, or the last error after three tries. */
async function withRetries(p: Probe, t: ProbeTarget): Promise<Outcome | ProbeError> {
  let last = new ProbeError('');
  for (let i = 0; i < MAX_PROBE_RETRIES; i++) {
    try {
      return await runHandler(p, t);
    } catch (err) {
      if (!(err instanceof ProbeError)) throw err;
      last = err;
    }
  }
  return last;
}

/** Probes once: 'success' or 'failure' to count, or 'error' to throw away; events as upstream records them. */
export async function probe(kind: ProbeKind, p: Probe, t: ProbeTarget, recorder: KubeletRecorder, init: boolean): Promise<'success' | 'failure' | 'error'> {
  const outcome = await withRetries(p, t);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => recorder.container(t.pod, fieldPathOf(t.container, init), type, reason, message);
  if (outcome instanceof ProbeError) {
    event('Warning', 'Unhealthy', `${kind} probe errored: ${outcome.message}`);
    return 'error';
  }
  if (outcome.result === 'failure') {
    event('Warning', 'Unhealthy', `${kind} probe failed: ${outcome.output}`);
    return 'failure';
  }
  if (outcome.result === 'warning') event('Warning', 'ProbeWarning', `${kind} probe warning: ${outcome.output}`);
  return 'success';
}
