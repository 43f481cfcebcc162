// What debug does with each object it is pointed at: a pod gets an ephemeral container (a
// strategic merge patch of pods/ephemeralcontainers) or is copied (--copy-to, --replace deleting
// the original); a node gets a pod in its host namespaces. Each returns the pod and container to
// attach to.
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, type Obj } from '../../../../client/types.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import { requestJson } from '../../resource/request.js';
import { twoWayStrategicPatch } from '../apply/patch/three-way.js';
import type { JsonMap } from '../apply/patch/values.js';
import { POD_RESOURCE } from '../exec/pods.js';
import { collectionPath, objectPath, type Info } from '../mutate/info.js';
import { nodeDebugPod, podCopy, withEphemeralContainer, type Generator } from './generate.js';
import { podOf, POD_LOOKUP, type DebugPod } from './pod.js';

export interface Debugged {
  pod: Obj;
  container: string;
}

const asJson = (p: DebugPod): JsonMap => JSON.parse(goJsonMarshal(podOf(p))) as JsonMap;

/** debugByEphemeralContainer. */
async function ephemeral(g: Generator, client: RestClient, target: DebugPod): Promise<Debugged> {
  const original = asJson(target);
  const { pod, name } = withEphemeralContainer(g, target);
  const patch = twoWayStrategicPatch(original, asJson(pod), POD_LOOKUP);
  const path = objectPath(POD_RESOURCE, target.metadata.namespace, target.metadata.name ?? '', 'ephemeralcontainers');
  try {
    const result = await requestJson<Obj>(client, 'PATCH', path, { body: goJsonMarshal(patch), contentType: 'application/strategic-merge-patch+json' });
    return { pod: result, container: name };
  } catch (err) {
    // A cluster without the subresource answers 404 with no name in the details.
    if (err instanceof ApiError && err.status.reason === 'NotFound' && !err.status.details?.name) {
      throw new Error(`ephemeral containers are disabled for this cluster (error from server: ${JSON.stringify(err.message)})`);
    }
    throw err;
  }
}

const create = (client: RestClient, ns: string, pod: DebugPod): Promise<Obj> =>
  requestJson<Obj>(client, 'POST', collectionPath(POD_RESOURCE, ns), { body: goJsonMarshal(podOf(pod)) });

/** debugByCopy: the copy created, then (--replace) the original deleted at once. */
async function copy(g: Generator, client: RestClient, target: DebugPod): Promise<Debugged> {
  const { pod, name } = podCopy(g, target);
  const created = await create(client, pod.metadata.namespace ?? '', pod);
  if (g.o.replace) {
    const path = objectPath(POD_RESOURCE, target.metadata.namespace, target.metadata.name ?? '');
    await requestJson(client, 'DELETE', path, { body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 } });
  }
  return { pod: created, container: name };
}

/** visitNode: the node debugging pod, in the command's namespace. */
async function node(g: Generator, client: RestClient, target: Obj): Promise<Debugged> {
  const pod = nodeDebugPod(g, target.metadata.name ?? '');
  const created = await create(client, g.o.namespace, pod);
  const first = (created as DebugPod).spec?.containers[0]?.name ?? '';
  return { pod: created, container: first };
}

/** The object's type decides; anything but a pod or a node is refused. */
export async function visitObject(g: Generator, client: RestClient, info: Info): Promise<Debugged> {
  const obj = info.object!;
  const m = info.mapping;
  if (m?.group === '' && m.version === 'v1' && obj.kind === 'Node') return node(g, client, obj);
  if (m?.group === '' && m.version === 'v1' && obj.kind === 'Pod') {
    const pod = podOf(obj);
    return g.o.copyTo !== '' ? copy(g, client, pod) : ephemeral(g, client, pod);
  }
  const gvk = `${m?.group ?? ''}/${m?.version ?? ''}, Kind=${m?.kind ?? obj.kind ?? ''}`;
  throw new Error(`${JSON.stringify(gvk)} not supported by debug`);
}
