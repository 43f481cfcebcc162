// polymorphichelpers' HistoryViewers: the REVISION/CHANGE-CAUSE table of a rollout, the pod
// template of one revision, or the history objects themselves (ReplicaSets for a Deployment,
// the DaemonSet or StatefulSet as each ControllerRevision would restore it) for -o.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import { tabwrite } from '../../../../printers/tabwriter.js';
import { clone, rec, str, type Json } from '../workload/json-values.js';
import {
  CHANGE_CAUSE, controllerRevisions, deploymentReplicaSets, revisionNumber, revisionTemplate, type ControllerKind,
} from './history-source.js';
import { groupKindString, visitKind } from './kinds.js';
import { revisionOf } from './status-viewer.js';
import { templateText } from './template-text.js';

export const NO_HISTORY = 'No rollout history found.';

export interface HistoryTarget {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

type Viewer = 'Deployment' | ControllerKind;

/** HistoryViewerFor: which history a kind has, or kubectl's error. */
export function historyViewerFor(group: string, kind: string): Viewer {
  const gk = groupKindString(group, kind);
  let k: string;
  try {
    k = visitKind(group, kind);
  } catch (err) {
    throw new Error(`error retrieving history for ${JSON.stringify(gk)}, ${(err as Error).message}`);
  }
  if (k === 'Deployment' || k === 'DaemonSet' || k === 'StatefulSet') return k;
  throw new Error(`no history viewer has been implemented for ${JSON.stringify(gk)}`);
}

/** revision → [pod template, change cause]. */
async function templates(client: RestClient, t: HistoryTarget): Promise<Map<number, { template: Json; cause: string }>> {
  const out = new Map<number, { template: Json; cause: string }>();
  const viewer = historyViewerFor(t.group, t.kind);
  if (viewer === 'Deployment') {
    const { replicaSets } = await deploymentReplicaSets(client, t.namespace, t.name);
    for (const rs of replicaSets) {
      let v: number;
      try {
        v = revisionOf(rs);
      } catch {
        continue;
      }
      out.set(v, { template: clone(rec(rec(rs.spec).template)), cause: str(rec(rec(rs.metadata).annotations)[CHANGE_CAUSE]) });
    }
    return out;
  }
  const { revisions } = await controllerRevisions(client, viewer, t.namespace, t.name);
  for (const r of revisions) out.set(revisionNumber(r), { template: revisionTemplate(r), cause: str(rec(rec(r.metadata).annotations)[CHANGE_CAUSE]) });
  return out;
}

function withCause(template: Json, cause: string): Json {
  if (cause === '') return template;
  const meta = rec(template.metadata);
  return { ...template, metadata: { ...meta, annotations: { ...rec(meta.annotations), [CHANGE_CAUSE]: cause } } };
}

/** ViewHistory: the table, or one revision's pod template. */
export async function viewHistory(client: RestClient, t: HistoryTarget, revision: number, tz: string | undefined): Promise<string> {
  const history = await templates(client, t);
  if (history.size === 0) return NO_HISTORY;
  if (revision > 0) {
    const h = history.get(revision);
    if (h === undefined) throw new Error('unable to find the specified revision');
    return templateText(withCause(h.template, h.cause), tz);
  }
  const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)!.cause || '<none>'}\n`);
  return tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' });
}

/** GetHistory: revision → the object printed for it with -o. */
export async function getHistory(client: RestClient, t: HistoryTarget): Promise<Map<number, Obj>> {
  const out = new Map<number, Obj>();
  const viewer = historyViewerFor(t.group, t.kind);
  if (viewer === 'Deployment') {
    const { replicaSets } = await deploymentReplicaSets(client, t.namespace, t.name);
    for (const rs of replicaSets) {
      try {
        out.set(revisionOf(rs), { apiVersion: 'apps/v1', kind: 'ReplicaSet', ...rs } as Obj);
      } catch {
        continue;
      }
    }
    return out;
  }
  const { owner, revisions } = await controllerRevisions(client, viewer, t.namespace, t.name);
  for (const r of revisions) {
    const applied = { ...owner, spec: { ...rec(owner.spec), template: revisionTemplate(r) } };
    out.set(revisionNumber(r), { apiVersion: 'apps/v1', kind: viewer, ...applied } as unknown as Obj);
  }
  return out;
}
