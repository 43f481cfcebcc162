// StatefulSet revisions (getStatefulSetRevisions, truncateHistory): the update revision is the
// one whose data equals the current template (created, or renumbered newest on a roll-back);
// the current revision is status.currentRevision's, or the update revision at first.
import { isAlreadyExists } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { controllerOf } from '../framework/pods.js';
import type { Client } from '../../client/types.js';
import type { Informer } from '../framework/informer.js';
import { equalRevision, newRevision, sortRevisions, templateOf, templatePatch, type ControllerRevision } from './history.js';
import { revisionOf } from './identity.js';
import type { SetPod, StatefulSet } from './types.js';

export interface RevisionDeps {
  client: Client;
  revisions: Informer<ControllerRevision>;
}

/** The set's revisions, oldest first. */
export function listRevisions(d: RevisionDeps, set: StatefulSet): ControllerRevision[] {
  return sortRevisions(d.revisions.list(set.metadata.namespace ?? '').filter((r) => controllerOf(r)?.uid === set.metadata.uid));
}

/** CreateControllerRevision: on a name clash with other data, bump the collision count and retry. */
async function createRevision(d: RevisionDeps, set: StatefulSet, revision: number, collision: { count: number }): Promise<ControllerRevision> {
  for (;;) {
    const rev = newRevision(set, set.spec?.template?.metadata?.labels, templatePatch(set.spec?.template ?? {}), revision, collision.count);
    if (set.metadata.annotations) rev.metadata.annotations = { ...set.metadata.annotations };
    try {
      return await d.client.create<ControllerRevision>(REFS.controllerrevisions, set.metadata.namespace ?? '', rev);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    const existing = await d.client.get<ControllerRevision>(REFS.controllerrevisions, set.metadata.namespace ?? '', rev.metadata.name ?? '');
    if (equalRevision(existing, rev)) return existing;
    collision.count++;
  }
}

export interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

export async function setRevisions(d: RevisionDeps, set: StatefulSet, revisions: ControllerRevision[]): Promise<Revisions> {
  const collision = { count: set.status?.collisionCount ?? 0 };
  const next = (revisions.at(-1)?.revision ?? 0) + 1;
  const probe = newRevision(set, undefined, templatePatch(set.spec?.template ?? {}), next, collision.count);
  const equal = revisions.filter((r) => equalRevision(r, probe));
  let update: ControllerRevision;
  const last = revisions.at(-1);
  if (equal.length && last && equal.at(-1) === last) update = last;
  else if (equal.length) update = await d.client.update<ControllerRevision>(REFS.controllerrevisions, { ...equal.at(-1)!, revision: next });
  else update = await createRevision(d, set, next, collision);
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount: collision.count };
}

/** ApplyRevision: the set with the revision's template. */
export function applyRevision(set: StatefulSet, rev: ControllerRevision): StatefulSet {
  const s: StatefulSet = structuredClone(set);
  s.spec = { ...s.spec, template: templateOf(rev) };
  return s;
}

/** truncateHistory: delete the oldest revisions no pod or status uses, beyond revisionHistoryLimit. */
export async function truncateHistory(d: RevisionDeps, set: StatefulSet, pods: SetPod[], revisions: ControllerRevision[], live: ControllerRevision[]): Promise<void> {
  const keep = new Set([...live.map((r) => r.metadata.name), ...pods.map(revisionOf)]);
  const history = revisions.filter((r) => !keep.has(r.metadata.name));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    await d.client.delete(REFS.controllerrevisions, r.metadata.namespace ?? '', r.metadata.name ?? '');
  }
}
