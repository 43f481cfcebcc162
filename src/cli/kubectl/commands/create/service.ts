// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME: label and selector
// app=<name>; each --tcp=port[:targetPort] a TCP port named after the spec (`80-8080`).
import type { Obj } from '../../../../client/types.js';
import type { Ctx, CommandModule } from '../../context.js';
import { completeCreate, nameFromArgs, requireFlags } from './options.js';
import { finishCreate } from './submit.js';
import { isDns1123Subdomain, isValidPortName } from './validation.js';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** utilsnet.ParsePort(s, true): strconv.ParseUint(s, 10, 16). */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function targetPortOf(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) {
    const errs = isValidPortName(s);
    if (errs.length > 0) throw new Error(errs.join(','));
    return s;
  }
  const n = Number(s);
  if (n < 1 || n > 65535) throw new Error('must be between 1 and 65535, inclusive');
  return n;
}

function servicePort(tcp: string, nodePort: number): Record<string, unknown> {
  const parts = tcp.split(':');
  const port = parsePort(parts[0]!);
  const targetPort = parts.length === 1 ? port : targetPortOf(parts[1]!);
  return { name: tcp.replaceAll(':', '-'), port, targetPort, protocol: 'TCP', nodePort };
}

function validate(type: ServiceType, clusterIP: string, tcp: string[], externalName: string): void {
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new Error('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new Error('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && !isDns1123Subdomain(externalName)) throw new Error(`invalid service external name ${externalName}`);
}

function build(type: ServiceType, name: string, namespace: string, ctx: Ctx): Obj {
  const nodePort = type === 'NodePort' ? ctx.int('node-port') : 0;
  const ports = ctx.list('tcp').map((t) => servicePort(t, nodePort));
  const clusterIP = type === 'ClusterIP' ? ctx.str('clusterip') : '';
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, labels: { app: name }, ...(namespace ? { namespace } : {}) },
    spec: {
      type, selector: { app: name }, ports,
      externalName: type === 'ExternalName' ? ctx.str('external-name') : '',
      ...(clusterIP ? { clusterIP } : {}),
    },
  };
}

function command(type: ServiceType, required: string[]): CommandModule {
  return {
    async run(ctx: Ctx): Promise<number> {
      requireFlags(ctx, required);
      const name = nameFromArgs(ctx);
      const s = await completeCreate(ctx);
      validate(type, type === 'ClusterIP' ? ctx.str('clusterip') : '', ctx.list('tcp'), ctx.str('external-name'));
      const obj = build(type, name, s.explicitNs ? s.namespace : '', ctx);
      const ep = { group: '', version: 'v1', resource: 'services', namespaced: true };
      return finishCreate(ctx, s, ep, obj, { failPrefix: `failed to create ${type} service: ` });
    },
  };
}

export const clusterIP = command('ClusterIP', []);
export const nodePort = command('NodePort', []);
export const loadBalancer = command('LoadBalancer', []);
export const externalName = command('ExternalName', ['external-name']);
