// kubectl create deployment NAME --image=image [--replicas] [--port] [-- COMMAND args]: label
// and selector app=<name>, one container per image named after the image's last path element
// (no tag or digest; `_` and `.` replaced and a random suffix added, as kubectl does).
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs, requireFlags } from './options.js';
import { finishCreate } from './submit.js';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** utilrand.String(5) */
export function randomSuffix(): string {
  return Array.from({ length: 5 }, () => ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)]).join('');
}

/** The container name kubectl derives from an image reference. */
export function containerName(image: string): string {
  let name = image.split('/').pop() ?? '';
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${randomSuffix()}`;
  return name;
}

interface DeploymentSpec {
  name: string;
  namespace: string;
  images: string[];
  command: string[];
  replicas: number;
  port: number;
}

export function buildDeployment(d: DeploymentSpec): Obj {
  const labels = { app: d.name };
  const containers = d.images.map((image) => ({ name: containerName(image), image, ...(d.command.length > 0 ? { command: d.command } : {}) }));
  if (d.port >= 0 && containers.length > 0) Object.assign(containers[0]!, { ports: [{ containerPort: d.port }] });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: d.name, ...(d.namespace ? { namespace: d.namespace } : {}), labels },
    spec: { replicas: d.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  };
}

export async function run(ctx: Ctx): Promise<number> {
  requireFlags(ctx, ['image']);
  const name = nameFromArgs(ctx);
  const command = ctx.args.slice(1);
  const s = await completeCreate(ctx);
  const images = ctx.list('image');
  if (images.length > 1 && command.length > 0) throw new Error('cannot specify multiple --image options and command');
  const obj = buildDeployment({
    name, namespace: s.explicitNs ? s.namespace : '', images, command, replicas: ctx.int('replicas'), port: ctx.int('port'),
  });
  return finishCreate(ctx, s, { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true }, obj, { failPrefix: 'failed to create deployment: ' });
}
