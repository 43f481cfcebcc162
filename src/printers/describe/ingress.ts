// IngressDescriber (networking/v1) and IngressClassDescriber: rules with each backend's service
// endpoints, TLS, the default backend; the class's controller and parameters.
import type { Obj } from '../../client/types.js';
import { at, num, rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { formatEndpointSlices, slicesOf } from './endpoint-slices.js';
import { errorText } from './errors.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbed, type Writer } from './writer.js';

function serviceBackend(svc: Fields): string {
  const port = rec(svc.port);
  const p = num(port.number) !== 0 ? String(num(port.number)) : str(port.name);
  return `${str(svc.name)}:${p}`;
}

async function describeBackend(env: DescribeEnv, ns: string, backend: Fields): Promise<string> {
  if (backend.service) {
    const svc = rec(backend.service);
    const sb = serviceBackend(svc);
    const slices = await slicesOf(env, ns, str(svc.name));
    if (slices.error !== undefined) return `${sb} (<error: ${errorText(slices.error)}>)`;
    let service: Obj;
    try {
      service = await getObject(env, apiPath('v1', 'services', ns, str(svc.name)));
    } catch (err) {
      return `${sb} (<error: ${errorText(err)}>)`;
    }
    const port = rec(svc.port);
    let spName = '';
    for (const sp of recs(rec(service.spec).ports)) {
      if (num(port.number) !== 0 && num(port.number) === num(sp.port)) spName = str(sp.name);
      else if (str(port.name) !== '' && str(port.name) === str(sp.name)) spName = str(sp.name);
    }
    return `${sb} (${formatEndpointSlices(slices.items, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = rec(backend.resource);
    return `APIGroup: ${typeof r.apiGroup === 'string' ? r.apiGroup : '<none>'}, Kind: ${str(r.kind)}, Name: ${str(r.name)}`;
  }
  return '';
}

function addressOf(ing: Obj): string {
  const found = new Set<string>();
  for (const i of recs(at(ing.status, 'loadBalancer', 'ingress'))) {
    if (str(i.ip) !== '') found.add(str(i.ip));
    else if (str(i.hostname) !== '') found.add(str(i.hostname));
  }
  return [...found].sort().join(',');
}

interface RuleLine {
  host?: string;
  path?: string;
  backend?: string;
}

async function ruleLines(env: DescribeEnv, ing: Obj): Promise<RuleLine[]> {
  const out: RuleLine[] = [];
  for (const rule of recs(rec(ing.spec).rules)) {
    if (rule.http === undefined || rule.http === null) continue;
    out.push({ host: str(rule.host) === '' ? '*' : str(rule.host) });
    for (const p of recs(at(rule.http, 'paths'))) out.push({ path: str(p.path), backend: await describeBackend(env, ing.metadata.namespace ?? '', rec(p.backend)) });
  }
  return out;
}

function tls(w: Writer, list: Fields[]): void {
  w.write(LEVEL_0, 'TLS:\n');
  for (const t of list) {
    const hosts = strs(t.hosts).join(',');
    w.write(LEVEL_1, str(t.secretName) === '' ? `SNI routes ${hosts}\n` : `${str(t.secretName)} terminates ${hosts}\n`);
  }
}

export async function describeIngress(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const ing = await getObject(env, apiPath('networking.k8s.io/v1', 'ingresses', namespace, name));
  const events = await eventsFor(env, refOf(ing, 'Ingress'));
  const spec = rec(ing.spec);
  const def = spec.defaultBackend ? await describeBackend(env, namespace, rec(spec.defaultBackend)) : '<default>';
  const lines = await ruleLines(env, ing);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', ing.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${ing.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Address:\t${addressOf(ing)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>'}\n`);
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if (recs(spec.tls).length > 0) tls(w, recs(spec.tls));
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const l of lines) w.write(l.host !== undefined ? LEVEL_1 : LEVEL_2, l.host !== undefined ? `${l.host}\t\n` : `\t${l.path} \t${l.backend}\n`);
    if (!lines.some((l) => l.host !== undefined)) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotations(w, 'Annotations', ing.metadata.annotations);
    maybeEvents(events, w, env.now);
  });
}

export async function describeIngressClass(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const ic = await getObject(env, apiPath('networking.k8s.io/v1', 'ingressclasses', undefined, name));
  const events = await eventsFor(env, refOf(ic, 'IngressClass'));
  const spec = rec(ic.spec);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', ic.metadata.labels);
    printAnnotations(w, 'Annotations', ic.metadata.annotations);
    w.write(LEVEL_0, `Controller:\t${str(spec.controller)}\n`);
    if (spec.parameters !== undefined && spec.parameters !== null) {
      const p = rec(spec.parameters);
      w.write(LEVEL_0, 'Parameters:\n');
      if (typeof p.apiGroup === 'string') w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${str(p.kind)}\n`);
      w.write(LEVEL_1, `Name:\t${str(p.name)}\n`);
    }
    maybeEvents(events, w, env.now);
  });
}
