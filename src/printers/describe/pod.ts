// PodDescriber: the pod, its containers and volumes, and its events (matched without the kind;
// a mirror pod's events by the UID its static pod had).
import type { Obj } from '../../client/types.js';
import { at, num, rec, recs, str, type Fields } from '../columns/fields.js';
import { apiPath, getObject, listAll, type DescribeEnv } from './context.js';
import { describeContainers, describeResources, type EnvResolver } from './containers.js';
import { describeEvents, eventSelector, maybeEvents } from './events.js';
import { errorText } from './errors.js';
import { controlledBy, printAnnotations, printLabels, printTolerations } from './meta.js';
import { podQOS } from './qos.js';
import { rfc1123z, since } from './time.js';
import { describeTopologySpread } from './topology.js';
import { describeVolumes } from './volumes.js';
import { LEVEL_0, LEVEL_1, tabbed, type Writer } from './writer.js';


const MIRROR = 'kubernetes.io/config.mirror';

/** EnvValueRetriever: kubectl's scheme converts only metadata.name and metadata.namespace. */
function resolverFor(pod: Obj): EnvResolver {
  return (ref: Fields) => {
    if (str(ref.apiVersion).split('/').length > 2) return '';
    if (str(ref.fieldPath) === 'metadata.name') return pod.metadata.name ?? '';
    if (str(ref.fieldPath) === 'metadata.namespace') return pod.metadata.namespace ?? '';
    return '';
  };
}

function header(pod: Obj, env: DescribeEnv, w: Writer): void {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  w.write(LEVEL_0, `Name:\t${pod.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (str(spec.priorityClassName) !== '') w.write(LEVEL_0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  if (str(spec.runtimeClassName) !== '') w.write(LEVEL_0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
  if (str(spec.serviceAccountName) !== '') w.write(LEVEL_0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  w.write(LEVEL_0, str(spec.nodeName) === '' ? 'Node:\t<none>\n' : `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime, env.zone)}\n`);
  printLabels(w, 'Labels', pod.metadata.labels);
  printAnnotations(w, 'Annotations', pod.metadata.annotations);
  const phase = str(status.phase);
  if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, env.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${num(pod.metadata.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}\n`);
  }
  if (str(status.reason) !== '') w.write(LEVEL_0, `Reason:\t${str(status.reason)}\n`);
  if (str(status.message) !== '') w.write(LEVEL_0, `Message:\t${str(status.message)}\n`);
  const seccomp = at(spec, 'securityContext', 'seccompProfile');
  if (seccomp !== undefined && seccomp !== null) {
    w.write(LEVEL_0, `SeccompProfile:\t${str(at(seccomp, 'type'))}\n`);
    if (str(at(seccomp, 'type')) === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(at(seccomp, 'localhostProfile'))}\n`);
  }
}

function addresses(pod: Obj, w: Writer): void {
  const status = rec(pod.status);
  w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
  const ips = recs(status.podIPs);
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
  }
  const owner = controlledBy(pod);
  if (owner !== '') w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (str(status.nominatedNodeName) !== '') w.write(LEVEL_0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
}

function gatesAndConditions(pod: Obj, w: Writer): void {
  const conditions = recs(rec(pod.status).conditions);
  const gates = recs(rec(pod.spec).readinessGates);
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = conditions.find((x) => str(x.type) === str(g.conditionType));
      w.write(LEVEL_1, `${str(g.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \n`);
  }
}

function containers(pod: Obj, env: DescribeEnv, w: Writer): void {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const ctx = { zone: env.zone, resolver: resolverFor(pod) };
  if (spec.resources !== undefined && spec.resources !== null) {
    w.write(LEVEL_0, 'Resources:\n');
    describeResources(spec.resources, w, LEVEL_1);
  }
  if (recs(spec.initContainers).length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, ctx, w, '');
  describeContainers('Containers', spec.containers, status.containerStatuses, ctx, w, '');
  if (recs(spec.ephemeralContainers).length > 0) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, ctx, w, '');
}

export function describePodObject(pod: Obj, events: Obj[] | undefined, env: DescribeEnv): string {
  return tabbed((w) => {
    const spec = rec(pod.spec);
    header(pod, env, w);
    addresses(pod, w);
    containers(pod, env, w);
    gatesAndConditions(pod, w);
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabels(w, 'Node-Selectors', spec.nodeSelector);
    printTolerations(w, 'Tolerations', spec.tolerations);
    describeTopologySpread(spec.topologySpreadConstraints, w, '');
    maybeEvents(events, w, env.now);
  });
}

/** A pod that cannot be read may still have events: kubectl shows them with the error. */
async function missingPod(env: DescribeEnv, namespace: string, name: string, err: unknown): Promise<string> {
  if (!env.settings.showEvents) throw err;
  const selector = eventSelector({ name, namespace, kind: '', uid: '' });
  const found = await listAll(env, apiPath('v1', 'events', namespace || undefined), { fieldSelector: selector }, 'events');
  if (found.error !== undefined || found.items.length === 0) throw err;
  return tabbed((w) => {
    w.write(LEVEL_0, `Pod '${name}': error '${errorText(err)}', but found events.\n`);
    describeEvents(found.items, w, env.now);
  });
}

export async function describePod(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  let pod: Obj;
  try {
    pod = await getObject(env, apiPath('v1', 'pods', namespace, name));
  } catch (err) {
    return missingPod(env, namespace, name, err);
  }
  const mirror = pod.metadata.annotations?.[MIRROR];
  const ref = { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', kind: '', uid: mirror ?? pod.metadata.uid ?? '' };
  const events = env.settings.showEvents ? (await listAll(env, apiPath('v1', 'events', ref.namespace || undefined), { fieldSelector: eventSelector(ref) }, 'events')).items : undefined;
  return describePodObject(pod, events, env);
}
