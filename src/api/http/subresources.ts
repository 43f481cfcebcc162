// Subresources: status (PUT/PATCH on status only), scale (autoscaling/v1 Scale), pods' binding and
// eviction, service accounts' token; logs/exec go to the node's kubelet.
import type { KObject } from '../types.js';
import type { Call } from './server-context.js';
import * as rest from './resource.js';
import { writeJson } from './respond.js';
import { objectFromBody, parseBody, readBody } from './body.js';
import { applyPatch } from '../patch/index.js';
import { badRequest, conflict, methodNotSupported, notFoundPath, successStatus } from '../errors.js';
import { rfc3339 } from '../registry/context.js';
import { updatePodCondition, type PodCondition } from '../../client/pod-condition.js';
import { selectorString } from './selector-string.js';
import { issueToken } from './token.js';
import { evict } from './eviction.js';
import { includeObject, tableOf, wantsTable } from './table.js';
import { scaleColumns } from '../../printers/columns/scale.js';
import { customScale, setScaleReplicas } from '../crd/scale.js';
import { admitConnect } from './connect.js';

const ns = (c: Call) => (c.d.namespaced ? c.info.namespace || undefined : undefined);

export async function serveSubresource(c: Call): Promise<void> {
  const sub = c.info.subresource;
  const spec = c.d.subresources[sub];
  if (!spec) throw notFoundPath();
  if (!spec.verbs.includes(c.info.verb as never)) throw methodNotSupported({ group: c.d.group, resource: `${c.d.plural}/${sub}` }, c.info.verb);
  switch (sub) {
    case 'status':
    case 'approval':
      // A CSR's approval is a write of its status conditions (the approval strategy keeps the rest).
      if (c.info.verb === 'get') return rest.getOne(c);
      return c.info.verb === 'patch' ? rest.patch(c) : rest.update(c);
    case 'ephemeralcontainers': return ephemeral(c);
    case 'scale': return scale(c);
    case 'binding': return bind(c);
    case 'eviction': return evict(c);
    case 'token': return issueToken(c);
    case 'finalize': return finalize(c);
    default: return kubeletProxy(c);
  }
}

/** A metav1.LabelSelector, as opposed to a ReplicationController's plain label map. */
const isLabelSelector = (s: unknown): boolean => !!s && typeof s === 'object' && ('matchLabels' in s || 'matchExpressions' in s);

function toScale(o: KObject, d: Call['d']): KObject {
  if (d.custom?.scale) return customScale(o, d.custom.scale);
  const spec = (o.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (o.status ?? {}) as { replicas?: number };
  const m = o.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector: selectorString(o.kind === 'ReplicationController' || !isLabelSelector(spec.selector) ? { matchLabels: spec.selector } : spec.selector) },
  };
}

async function scale(c: Call): Promise<void> {
  if (c.info.verb === 'get') {
    const s = toScale(await c.s.registry.get(c.d, ns(c), c.info.name), c.d);
    if (wantsTable(c.req.headers.accept)) writeJson(c.res, 200, tableOf(scaleColumns, [s], { resourceVersion: s.metadata.resourceVersion ?? '' }, c.s.gen.now(), includeObject(c.query)));
    else writeJson(c.res, 200, s);
    return;
  }
  const raw = await readBody(c.req);
  const type = (c.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const out = await c.s.registry.guaranteedUpdate(c.d, ns(c), c.info.name, c.rc, 'main', (cur) => {
    const current = toScale(cur, c.d);
    const want = c.info.verb === 'patch'
      ? (applyPatch(type, current, raw, { group: 'autoscaling', version: 'v1', kind: 'Scale' }, { fieldValidation: c.rc.fieldValidation }) as KObject)
      : objectFromBody(c.d, parseBody(raw, c.req.headers['content-type'], { apiVersion: 'autoscaling/v1', kind: 'Scale' }), ns(c), 'Scale', 'autoscaling/v1');
    const replicas = (want.spec as { replicas?: number } | undefined)?.replicas ?? 0;
    if (want.metadata?.resourceVersion && want.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw conflict({ group: c.d.group, resource: c.d.plural }, c.info.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    if (c.d.custom?.scale) return setScaleReplicas(cur, c.d.custom.scale, replicas);
    return { ...cur, spec: { ...(cur.spec as object), replicas } };
  });
  writeJson(c.res, 200, toScale(out, c.d));
}

async function bind(c: Call): Promise<void> {
  const b = parseBody(await readBody(c.req), c.req.headers['content-type'], { apiVersion: 'v1', kind: 'Binding' }) as { target?: { name?: string } };
  const node = b?.target?.name;
  if (!node) throw badRequest('target.name: Required value');
  await c.s.registry.guaranteedUpdate(c.d, ns(c), c.info.name, c.rc, 'binding', (pod) => {
    const spec = pod.spec as { nodeName?: string };
    if (spec.nodeName) throw conflict({ group: '', resource: 'pods/binding' }, c.info.name, `pod ${c.info.name} is already assigned to node "${spec.nodeName}"`);
    return { ...pod, spec: { ...spec, nodeName: node }, status: scheduledStatus(pod.status, rfc3339(c.s.gen.now())) };
  });
  writeJson(c.res, 201, successStatus());
}

/** A bound pod's PodScheduled=True, set as the binding storage's UpdatePodCondition does. */
function scheduledStatus(status: unknown, now: string): Record<string, unknown> {
  const s = { ...(status as Record<string, unknown> | undefined) };
  const conditions = (s.conditions as PodCondition[] | undefined) ?? [];
  s.conditions = updatePodCondition(conditions, { type: 'PodScheduled', status: 'True' }, now) ?? conditions;
  return s;
}

/** PUT/PATCH pods/<name>/ephemeralcontainers: only spec.ephemeralContainers changes (kubectl debug). */
async function ephemeral(c: Call): Promise<void> {
  if (c.info.verb === 'get') return rest.getOne(c);
  const raw = await readBody(c.req);
  const type = (c.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const out = await c.s.registry.guaranteedUpdate(c.d, ns(c), c.info.name, c.rc, 'ephemeralcontainers', (cur) => {
    const want = c.info.verb === 'patch'
      ? (applyPatch(type, cur, raw, { group: '', version: 'v1', kind: 'Pod' }, { fieldValidation: c.rc.fieldValidation }) as KObject)
      : objectFromBody(c.d, parseBody(raw, c.req.headers['content-type'], { apiVersion: 'v1', kind: 'Pod' }), ns(c));
    const eph = (want.spec as { ephemeralContainers?: unknown } | undefined)?.ephemeralContainers;
    const spec = { ...(cur.spec as Record<string, unknown>) };
    if (eph === undefined) delete spec.ephemeralContainers;
    else spec.ephemeralContainers = eph;
    return { ...cur, spec };
  });
  writeJson(c.res, 200, out);
}

/** PUT namespaces/<name>/finalize: only spec.finalizers changes; an emptied, deleted namespace goes. */
async function finalize(c: Call): Promise<void> {
  const want = objectFromBody(c.d, parseBody(await readBody(c.req), c.req.headers['content-type'], { apiVersion: 'v1', kind: 'Namespace' }), undefined);
  if (want.metadata.name && want.metadata.name !== c.info.name) {
    throw badRequest(`the name of the object (${want.metadata.name}) does not match the name on the URL (${c.info.name})`);
  }
  const finalizers = (want.spec as { finalizers?: string[] } | undefined)?.finalizers;
  const out = await c.s.registry.guaranteedUpdate(c.d, undefined, c.info.name, c.rc, 'finalize', (cur) => {
    if (want.metadata.resourceVersion && want.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw conflict({ group: '', resource: 'namespaces' }, c.info.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const spec = { ...(cur.spec as Record<string, unknown>) };
    if (finalizers?.length) spec.finalizers = finalizers;
    else delete spec.finalizers;
    return { ...cur, spec };
  });
  writeJson(c.res, 200, out);
}

/** logs, exec, attach, port-forward and proxy are served by the node's kubelet. */
/** The container a log/exec/attach names, checked as upstream's validateContainer does. */
function validateContainer(c: Call, pod: KObject): void {
  const spec = (pod.spec ?? {}) as Record<string, { name: string }[] | undefined>;
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].map((x) => x.name);
  const want = c.connect ? (c.connect.container as string | undefined) : c.query.get('container');
  if (!want) {
    const main = (spec.containers ?? []).map((x) => x.name);
    const init = (spec.initContainers ?? []).map((x) => x.name);
    if (main.length === 1) return;
    let msg = `a container name must be specified for pod ${c.info.name}`;
    if (main.length > 1) msg += `, choose one of: [${main.join(' ')}]${init.length ? ` or one of the init containers: [${init.join(' ')}]` : ''}`;
    throw badRequest(msg);
  }
  if (!names.includes(want)) throw badRequest(`container ${want} is not valid for pod ${c.info.name}`);
}

async function kubeletProxy(c: Call): Promise<void> {
  const admitted = await admitConnect(c);
  if (admitted) c.connect = admitted;
  const pod = await c.s.registry.get(c.d, ns(c), c.info.name);
  if (['log', 'exec', 'attach'].includes(c.info.subresource)) validateContainer(c, pod);
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (c.info.subresource === 'log' && !nodeName) {
    c.res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 0 });
    c.res.end();
    return;
  }
  if (!nodeName) throw badRequest(`pod ${c.info.name} does not have a host assigned`);
  const err = await c.s.kubelet(nodeName, c);
  if (err) throw err;
}
