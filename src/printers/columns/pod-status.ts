// printPod's READY, STATUS and RESTARTS: the init-container scan, the reverse container scan,
// Completed→Running/NotReady, Terminating and NodeLost (pkg/printers/internalversion, v1.32).
import type { KObject } from '../../api/types.js';
import { at, num, optBool, rec, recs, str, type Fields } from './fields.js';
import { parseTime } from './timestamps.js';

export interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** Latest lastState.terminated.finishedAt (ms), null when none. */
  lastRestart: number | null;
}

interface Scan {
  reason: string;
  ready: number;
  restarts: number;
  lastRestart: number | null;
}

function laterRestart(current: number | null, status: Fields): number | null {
  const terminated = at(status, 'lastState', 'terminated');
  if (terminated === undefined || terminated === null) return current;
  const finished = parseTime(at(terminated, 'finishedAt'));
  if (finished === null) return current;
  return current === null || current < finished ? finished : current;
}

function terminatedText(terminated: Fields, prefix: string): string {
  const reason = str(terminated.reason);
  if (reason !== '') return prefix + reason;
  const signal = num(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${num(terminated.exitCode)}`;
}

function terminatedOf(status: Fields): Fields | null {
  const terminated = at(status, 'state', 'terminated');
  return terminated === undefined || terminated === null ? null : rec(terminated);
}

function exitedZero(status: Fields): boolean {
  const terminated = terminatedOf(status);
  return terminated !== null && num(terminated.exitCode) === 0;
}

/** The STATUS an init container imposes, or null when it is done (exit 0) or a started sidecar. */
function initReason(status: Fields, index: number, count: number, sidecar: boolean): string | null {
  const terminated = terminatedOf(status);
  if (exitedZero(status)) return null;
  if (sidecar && optBool(status.started) === true) return null;
  if (terminated !== null) return terminatedText(terminated, 'Init:');
  const waiting = str(at(status, 'state', 'waiting', 'reason'));
  if (waiting !== '' && waiting !== 'PodInitializing') return `Init:${waiting}`;
  return `Init:${index}/${count}`;
}

interface InitScan {
  reason: string | null;
  ready: number;
  all: Scan;
  sidecars: Scan;
}

function scanInit(spec: Fields, statuses: Fields[]): InitScan {
  const specs = recs(spec.initContainers);
  const sidecars = new Set(specs.filter((c) => str(c.restartPolicy) === 'Always').map((c) => str(c.name)));
  const out: InitScan = { reason: null, ready: 0, all: emptyScan(), sidecars: emptyScan() };
  for (const [i, status] of statuses.entries()) {
    const sidecar = sidecars.has(str(status.name));
    count(out.all, status);
    if (sidecar) count(out.sidecars, status);
    const reason = initReason(status, i, specs.length, sidecar);
    if (reason === null) {
      if (sidecar && !exitedZero(status) && status.ready === true) out.ready += 1;
      continue;
    }
    out.reason = reason;
    break;
  }
  return out;
}

function emptyScan(): Scan {
  return { reason: '', ready: 0, restarts: 0, lastRestart: null };
}

function count(scan: Scan, status: Fields): void {
  scan.restarts += num(status.restartCount);
  scan.lastRestart = laterRestart(scan.lastRestart, status);
}

/** Containers from last to first: each one with a reason overwrites STATUS, so the first wins. */
function scanContainers(statuses: Fields[], scan: Scan): boolean {
  let hasRunning = false;
  for (const status of [...statuses].reverse()) {
    count(scan, status);
    const waiting = str(at(status, 'state', 'waiting', 'reason'));
    const terminated = terminatedOf(status);
    const running = at(status, 'state', 'running');
    if (waiting !== '') scan.reason = waiting;
    else if (terminated !== null) scan.reason = terminatedText(terminated, '');
    else if (status.ready === true && running !== undefined && running !== null) {
      hasRunning = true;
      scan.ready += 1;
    }
  }
  return hasRunning;
}

function hasCondition(status: Fields, type: string, expected: (c: Fields) => boolean): boolean {
  const found = recs(status.conditions).find((c) => str(c.type) === type);
  return found !== undefined && expected(found);
}

function baseReason(status: Fields): string {
  const gated = recs(status.conditions).some(
    (c) => str(c.type) === 'PodScheduled' && str(c.reason) === 'SchedulingGated',
  );
  if (gated) return 'SchedulingGated';
  return str(status.reason) !== '' ? str(status.reason) : str(status.phase);
}

export function summarizePod(pod: KObject): PodSummary {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const init = scanInit(spec, recs(status.initContainerStatuses));
  const sidecarCount = recs(spec.initContainers).filter((c) => str(c.restartPolicy) === 'Always').length;
  const total = recs(spec.containers).length + sidecarCount;
  const scan: Scan = { ...init.all, reason: init.reason ?? baseReason(status), ready: init.ready };
  const initialized = hasCondition(status, 'Initialized', (c) => str(c.status) === 'True');
  if (init.reason === null || initialized) {
    Object.assign(scan, { restarts: init.sidecars.restarts, lastRestart: init.sidecars.lastRestart });
    const hasRunning = scanContainers(recs(status.containerStatuses), scan);
    if (scan.reason === 'Completed' && hasRunning) scan.reason = readyOrNot(status);
  }
  return { ...scan, total, reason: finalReason(pod, status, scan.reason) };
}

function readyOrNot(status: Fields): string {
  const ready = recs(status.conditions).some((c) => str(c.type) === 'Ready' && str(c.status) === 'True');
  return ready ? 'Running' : 'NotReady';
}

function finalReason(pod: KObject, status: Fields, reason: string): string {
  if (pod.metadata.deletionTimestamp === undefined || pod.metadata.deletionTimestamp === null) return reason;
  if (str(status.reason) === 'NodeLost') return 'Unknown';
  const phase = str(status.phase);
  return phase === 'Succeeded' || phase === 'Failed' ? reason : 'Terminating';
}
