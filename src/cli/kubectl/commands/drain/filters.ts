// pkg/drain's pod filters: which pods on the node drain deletes, which it skips (mirror pods,
// DaemonSet pods with --ignore-daemonsets, pods long since deleted), which it deletes with a
// warning, and which stop it (unmanaged pods without --force, emptyDir pods without
// --delete-emptydir-data, DaemonSet pods without --ignore-daemonsets). The chain stops at the
// first filter that keeps a pod; the status of the last filter run is the pod's.
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, type Obj } from '../../../../client/types.js';
import { requestJson } from '../../resource/request.js';
import { list, rec, str, type Json } from '../workload/json-values.js';

export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

export type Reason = 'Okay' | 'Skip' | 'Warning' | 'Error';

export interface PodStatus {
  delete: boolean;
  reason: Reason;
  message: string;
}

export interface FilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
  now: number;
}

const OKAY: PodStatus = { delete: true, reason: 'Okay', message: '' };
const SKIP: PodStatus = { delete: false, reason: 'Skip', message: '' };
const warning = (del: boolean, message: string): PodStatus => ({ delete: del, reason: 'Warning', message });
const error = (message: string): PodStatus => ({ delete: false, reason: 'Error', message });

const phaseDone = (pod: Json): boolean => ['Succeeded', 'Failed'].includes(str(rec(pod.status).phase));
const controllerOf = (pod: Json): Json | undefined => list(rec(pod.metadata).ownerReferences).map(rec).find((r) => r.controller === true);

/** shouldSkipPod: deleted more than N seconds ago (N > 0). */
export function deletedLongAgo(pod: Json, seconds: number, now: number): boolean {
  const ts = str(rec(pod.metadata).deletionTimestamp);
  return seconds > 0 && ts !== '' && Math.trunc((now - Date.parse(ts)) / 1000) > seconds;
}

async function daemonSetFilter(client: RestClient, pod: Json, o: FilterOptions): Promise<PodStatus> {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || phaseDone(pod)) return OKAY;
  const ns = str(rec(pod.metadata).namespace);
  try {
    await requestJson(client, 'GET', `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/daemonsets/${encodeURIComponent(str(ref.name))}`);
  } catch (err) {
    if (err instanceof ApiError && err.status.reason === 'NotFound' && o.force) return warning(true, err.message);
    return error((err as Error).message);
  }
  return o.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : error(DAEMONSET_FATAL);
}

function localStorageFilter(pod: Json, o: FilterOptions): PodStatus {
  if (!list(rec(pod.spec).volumes).map(rec).some((v) => v.emptyDir !== undefined && v.emptyDir !== null)) return OKAY;
  if (phaseDone(pod)) return OKAY;
  return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL);
}

function unreplicatedFilter(pod: Json, o: FilterOptions): PodStatus {
  if (phaseDone(pod) || controllerOf(pod)) return OKAY;
  return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
}

type Filter = (pod: Json) => PodStatus | Promise<PodStatus>;

function filters(client: RestClient, o: FilterOptions): Filter[] {
  return [
    (pod) => (deletedLongAgo(pod, o.skipWaitForDeleteTimeoutSeconds, o.now) ? SKIP : OKAY),
    (pod) => daemonSetFilter(client, pod, o),
    (pod) => (rec(rec(pod.metadata).annotations)['kubernetes.io/config.mirror'] !== undefined ? SKIP : OKAY),
    (pod) => localStorageFilter(pod, o),
    (pod) => unreplicatedFilter(pod, o),
  ];
}

export interface PodDelete {
  pod: Obj;
  status: PodStatus;
}

/** filterPods: each pod with the status its filters gave it. */
export async function filterPods(client: RestClient, pods: Obj[], o: FilterOptions): Promise<PodDelete[]> {
  const chain = filters(client, o);
  const out: PodDelete[] = [];
  for (const pod of pods) {
    let status = OKAY;
    for (const f of chain) {
      status = await f(pod as unknown as Json);
      if (!status.delete) break;
    }
    out.push({ pod: { ...pod, apiVersion: 'v1', kind: 'Pod' }, status });
  }
  return out;
}

const podName = (d: PodDelete): string => `${d.pod.metadata.namespace ?? ''}/${d.pod.metadata.name ?? ''}`;

function grouped(items: PodDelete[], reason: Reason): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const i of items) {
    if (i.status.reason !== reason) continue;
    const msg = reason === 'Error' && i.status.message === '' ? 'unexpected error' : i.status.message;
    by.set(msg, [...(by.get(msg) ?? []), podName(i)]);
  }
  return by;
}

/** PodDeleteList.Warnings: `msg: ns/a, ns/b; msg2: …` (empty when none). */
export const warningsOf = (items: PodDelete[]): string => [...grouped(items, 'Warning')].map(([m, p]) => `${m}: ${p.join(', ')}`).join('; ');

/** PodDeleteList.errors: one `cannot delete <msg>: ns/a, ns/b` per message. */
export const errorsOf = (items: PodDelete[]): Error[] => [...grouped(items, 'Error')].map(([m, p]) => new Error(`cannot delete ${m}: ${p.join(', ')}`));

export const podsToDelete = (items: PodDelete[]): Obj[] => items.filter((i) => i.status.delete).map((i) => i.pod);
