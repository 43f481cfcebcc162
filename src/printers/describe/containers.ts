// describeContainers: each container's image, ports, command, state, resources, probes,
// environment and mounts — for pods (with statuses and resolved env) and pod templates.
import { at, num, rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { goSort } from './gosort.js';
import { goBool, orNone } from './meta.js';
import { describeProbe } from './probe.js';
import { resourceList } from './quantity.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type Writer } from './writer.js';
import { goQuote } from './gofmt.js';
import { resourceFieldValue } from './resource-field.js';

/** Resolves a fieldRef env var of a pod ("" when kubectl cannot). */
export type EnvResolver = (fieldRef: Fields) => string;

export interface ContainerContext {
  zone: string;
  resolver?: EnvResolver;
}

export function describeResources(resources: unknown, w: Writer, level: number): void {
  for (const [title, list] of [['Limits', rec(resources).limits], ['Requests', rec(resources).requests]] as const) {
    const map = resourceList(list);
    if (map.size > 0) w.write(level, `${title}:\n`);
    for (const name of [...map.keys()].sort()) w.write(level + 1, `${name}:\t${map.get(name)!.toString()}\n`);
  }
}

function portsText(ports: Fields[], key: 'containerPort' | 'hostPort'): string {
  return ports.map((p) => `${num(p[key])}/${str(p.protocol)}`).join(', ');
}

function basicInfo(c: Fields, status: Fields | undefined, space: string, w: Writer): void {
  w.write(LEVEL_1, `${space === '' ? '' : ' '}${str(c.name)}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
  w.write(LEVEL_2, `Image:\t${str(c.image)}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
  const ports = recs(c.ports);
  const portString = portsText(ports, 'containerPort');
  w.write(LEVEL_2, portString.includes(',') ? `Ports:\t${portString}\n` : `Port:\t${orNone(portString)}\n`);
  const hostString = portsText(ports, 'hostPort');
  w.write(LEVEL_2, hostString.includes(',') ? `Host Ports:\t${hostString}\n` : `Host Port:\t${orNone(hostString)}\n`);
  const seccomp = at(c, 'securityContext', 'seccompProfile');
  if (seccomp !== undefined && seccomp !== null) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(at(seccomp, 'type'))}\n`);
    if (str(at(seccomp, 'type')) === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${str(at(seccomp, 'localhostProfile'))}\n`);
  }
}

function commandLines(c: Fields, w: Writer): void {
  for (const [title, list] of [['Command', strs(c.command)], ['Args', strs(c.args)]] as const) {
    if (list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

export function describeStatus(stateName: string, state: Fields, w: Writer, zone: string): void {
  if (state.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(at(state.running, 'startedAt'), zone)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (str(at(state.waiting, 'reason')) !== '') w.write(LEVEL_3, `Reason:\t${str(at(state.waiting, 'reason'))}\n`);
  } else if (state.terminated) {
    const t = rec(state.terminated);
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (str(t.reason) !== '') w.write(LEVEL_3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message) !== '') w.write(LEVEL_3, `Message:\t${str(t.message)}\n`);
    w.write(LEVEL_3, `Exit Code:\t${num(t.exitCode)}\n`);
    if (num(t.signal) > 0) w.write(LEVEL_3, `Signal:\t${num(t.signal)}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt, zone)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt, zone)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function stateLines(status: Fields, w: Writer, zone: string): void {
  describeStatus('State', rec(status.state), w, zone);
  if (at(status, 'lastState', 'terminated')) describeStatus('Last State', rec(status.lastState), w, zone);
  w.write(LEVEL_2, `Ready:\t${goBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${num(status.restartCount)}\n`);
}

function probes(c: Fields, w: Writer): void {
  for (const [title, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
    if (c[key] !== undefined && c[key] !== null) w.write(LEVEL_2, `${title}:\t${describeProbe(rec(c[key]))}\n`);
  }
}

function envFrom(c: Fields, w: Writer): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of recs(c.envFrom)) {
    const cm = e.configMapRef ? rec(e.configMapRef) : undefined;
    const ref = cm ?? (e.secretRef ? rec(e.secretRef) : undefined);
    const from = cm ? 'ConfigMap' : ref ? 'Secret' : '';
    const optional = ref?.optional === true;
    const prefix = str(e.prefix);
    w.write(LEVEL_3, prefix === ''
      ? `${str(ref?.name)}\t${from}\tOptional: ${optional}\n`
      : `${str(ref?.name)}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

function envValueFrom(e: Fields, c: Fields, ctx: ContainerContext, w: Writer): void {
  const from = rec(e.valueFrom);
  const name = str(e.name);
  if (from.fieldRef) {
    const ref = rec(from.fieldRef);
    const value = ctx.resolver ? ctx.resolver(ref) : '';
    w.write(LEVEL_3, `${name}:\t${value} (${str(ref.apiVersion)}:${str(ref.fieldPath)})\n`);
  } else if (from.resourceFieldRef) {
    const ref = rec(from.resourceFieldRef);
    let value = resourceFieldValue(ref, c) ?? '';
    const resource = str(ref.resource);
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
    w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`);
  } else if (from.secretKeyRef) {
    const ref = rec(from.secretKeyRef);
    w.write(LEVEL_3, `${name}:\t<set to the key '${str(ref.key)}' in secret '${str(ref.name)}'>\tOptional: ${ref.optional === true}\n`);
  } else if (from.configMapKeyRef) {
    const ref = rec(from.configMapKeyRef);
    w.write(LEVEL_3, `${name}:\t<set to the key '${str(ref.key)}' of config map '${str(ref.name)}'>\tOptional: ${ref.optional === true}\n`);
  }
}

function envVars(c: Fields, ctx: ContainerContext, w: Writer): void {
  const env = recs(c.env);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (e.valueFrom === undefined || e.valueFrom === null) {
      str(e.value).split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${str(e.name)}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    envValueFrom(e, c, ctx, w);
  }
}

function mounts(c: Fields, w: Writer): void {
  const list = recs(c.volumeMounts);
  const none = list.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of goSort(list, (a, b) => str(a.mountPath) < str(b.mountPath))) {
    const flags = [m.readOnly === true ? 'ro' : 'rw'];
    if (str(m.subPath) !== '') flags.push(`path=${goQuote(str(m.subPath))}`);
    w.write(LEVEL_3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
  const devices = recs(c.volumeDevices);
  if (devices.length === 0) return;
  w.write(LEVEL_2, `Devices:${none}\n`);
  for (const d of goSort(devices, (a, b) => str(a.devicePath) < str(b.devicePath))) w.write(LEVEL_3, `${str(d.devicePath)} from ${str(d.name)}\n`);
}

/** describeContainers(label, containers, statuses, resolver, w, space). */
export function describeContainers(label: string, containers: unknown, statuses: unknown, ctx: ContainerContext, w: Writer, space: string): void {
  const byName = new Map<string, Fields>();
  for (const s of recs(statuses)) byName.set(str(s.name), s);
  const list = recs(containers);
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(str(c.name));
    basicInfo(c, status, space, w);
    commandLines(c, w);
    if (status) stateLines(status, w, ctx.zone);
    describeResources(c.resources, w, LEVEL_2);
    probes(c, w);
    if (recs(c.envFrom).length > 0) envFrom(c, w);
    envVars(c, ctx, w);
    mounts(c, w);
  }
}

