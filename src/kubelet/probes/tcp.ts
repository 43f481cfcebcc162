// The tcpSocket probe (pkg/probe/tcp): a connection to <host or pod IP>:<port> that opens
// succeeds with no output; otherwise the dial error Go prints.
import type { Probe } from '../pod-spec.js';
import { reach, resolvePort, waitSeconds, type ProbeTarget } from './target.js';
import type { Outcome } from './types.js';

export async function tcpSocketProbe(t: ProbeTarget, tcp: NonNullable<Probe['tcpSocket']>, timeoutSeconds: number): Promise<Outcome> {
  const port = resolvePort(tcp.port, t.container);
  const host = tcp.host || t.podIP;
  const conn = await reach(t, host, port);
  if (conn.kind === 'open') return { result: 'success', output: '' };
  if (conn.kind === 'refused') return { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` };
  await waitSeconds(t.timers, timeoutSeconds);
  return { result: 'failure', output: `dial tcp ${host}:${port}: i/o timeout` };
}
