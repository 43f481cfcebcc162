// kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] … [--class]
// [--default-backend=svc:port] [--annotation=k=v]: a path ending in `*` is a Prefix (star
// dropped), others Exact; rules for one host share its paths; TLS entries grouped by secret.
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishCreate } from './submit.js';

const RULE = /^(?<host>[\w*\-.]*)(?<path>\/.*)=(?<svcname>[\w-]+):(?<svcport>[\w-]+)(,(?<istls>tls)=?(?<secretname>[\w-]+)?)?/;

interface Tls {
  hosts?: string[];
  secretName?: string;
}

interface Rule {
  host?: string;
  http: { paths: Record<string, unknown>[] };
}

/** intstr.Parse: a number (strconv.Atoi) or a name. */
function backend(service: string): Record<string, unknown> {
  const [name, port = ''] = service.split(':');
  const isInt = /^[+-]?\d+$/.test(port) && Math.abs(Number(port)) <= Number.MAX_SAFE_INTEGER;
  return { service: { name, port: isInt ? { number: Number(port) | 0 } : { name: port } } };
}

function httpPath(pathsvc: string): Record<string, unknown> {
  const [p = '', service = ''] = pathsvc.split('=');
  let path = `/${p}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

function tlsRules(rules: string[]): Tls[] {
  const seen = new Set<string>();
  const out: Tls[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const secretParts = parts[1]!.split('=');
    const secret = secretParts.length > 1 ? secretParts[1]! : '';
    if (seen.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const tls: Tls = { ...(host ? { hosts: [host] } : {}), ...(secret ? { secretName: secret } : {}) };
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

function ingressRules(rules: string[]): Rule[] {
  const out: Rule[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0]!;
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

function validate(rules: string[], annotations: string[], defaultBackend: string): void {
  if (defaultBackend === '' && rules.length === 0) {
    throw new Error('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const rule of rules) {
    if (!RULE.test(rule)) throw new Error(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  for (const a of annotations) {
    if (!a.includes('=')) throw new Error(`annotation ${a} is invalid and should be in format key=[value]`);
  }
  if (defaultBackend !== '' && defaultBackend.split(':').length !== 2) throw new Error('default-backend should be in format servicename:serviceport');
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  const [rules, annotations, defaultBackend, ingressClass] = [ctx.list('rule'), ctx.list('annotation'), ctx.str('default-backend'), ctx.str('class')];
  validate(rules, annotations, defaultBackend);
  const annotationMap = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const spec = {
    ...(ingressClass ? { ingressClassName: ingressClass } : {}),
    ...(defaultBackend ? { defaultBackend: backend(defaultBackend) } : {}),
    tls: tlsRules(rules),
    rules: ingressRules(rules),
  };
  const obj = {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}), annotations: annotationMap },
    spec,
  };
  return finishCreate(ctx, s, { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true }, obj, { failPrefix: 'failed to create ingress: ' });
}
