// The kubelet prober's vocabulary (pkg/probe, pkg/kubelet/prober): what one probe run found
// (success, warning, failure with its output, or an error that is thrown away), the kinds of
// probe as the events name them, the results a worker keeps, and a probe's timings with the
// API's defaults.
import type { Probe } from '../pod-spec.js';

/** pkg/probe's Result: a run's verdict and the output the events quote. */
export interface Outcome {
  result: 'success' | 'warning' | 'failure';
  output: string;
}

/** A probe that could not run (upstream's `err`): the event says `errored`, the result is thrown away. */
export class ProbeError extends Error {}

/** probeType.String(). */
export type ProbeKind = 'Liveness' | 'Readiness' | 'Startup';

export const PROBE_FIELD: Record<ProbeKind, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  Liveness: 'livenessProbe', Readiness: 'readinessProbe', Startup: 'startupProbe',
};

/** results.Result as the results managers keep it per container ID. */
export type ProbeResult = 'success' | 'failure' | 'unknown';

/** Why the kubelet kills a running container (containerKillReason). */
export type KillReason = 'LivenessProbe' | 'StartupProbe';

export interface Timings {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/** The probe's timings, defaulted as the API defaults them (period 10, timeout 1, thresholds 1 and 3). */
export function timings(p: Probe): Timings {
  return {
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds || 10,
    timeoutSeconds: p.timeoutSeconds || 1,
    successThreshold: p.successThreshold || 1,
    failureThreshold: p.failureThreshold || 3,
  };
}
