// The grpc probe (pkg/probe/grpc): a blocking dial to <pod IP>:<port>, then the
// grpc.health.v1.Health/Check of the service. The dial waits until the connection is ready or
// the timeout ends, through refusals and through servers that do not speak HTTP/2 (nginx,
// redis, …) alike; no image of the catalog serves the health protocol, so every grpc probe
// ends as upstream's dial timeout: `timeout: failed to connect service "<ip>:<port>" within 1s:
// context deadline exceeded`.
import { goDuration } from '../../client/go-duration.js';
import type { Probe } from '../pod-spec.js';
import { waitSeconds, type ProbeTarget } from './target.js';
import type { Outcome } from './types.js';

export async function grpcProbe(t: ProbeTarget, grpc: NonNullable<Probe['grpc']>, timeoutSeconds: number): Promise<Outcome> {
  const addr = `${t.podIP}:${grpc.port}`;
  await waitSeconds(t.timers, timeoutSeconds);
  return { result: 'failure', output: `timeout: failed to connect service ${JSON.stringify(addr)} within ${goDuration(timeoutSeconds * 1000)}: context deadline exceeded` };
}
