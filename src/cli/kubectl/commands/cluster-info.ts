// kubectl cluster-info: where the control plane answers and the kube-system services labelled
// kubernetes.io/cluster-service=true, as apiserver proxy URLs; the `dump` hint always follows.
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { query } from '../resource/paths.js';
import { requestJson } from '../resource/request.js';

interface ServicePort { name?: string; port: number }
interface Service extends Obj {
  spec?: { ports?: ServicePort[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const HINT = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";

function link(server: string, svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  const port = svc.spec?.ports?.[0];
  if (ingress) {
    const host = ingress.ip || ingress.hostname || '';
    return `http://${host}${port ? `:${port.port}` : ''}`;
  }
  const portName = port ? (port.name || String(port.port)) : '';
  const scheme = port && (port.name === 'https' || port.port === 443) ? 'https:' : '';
  return `${server}/api/v1/namespaces/kube-system/services/${scheme}${svc.metadata.name ?? ''}${portName ? `:${portName}` : ''}/proxy`;
}

async function lines(ctx: Ctx): Promise<string> {
  const mapper = await ctx.factory.mapper();
  void mapper;
  const client = await ctx.factory.client();
  const server = client.config.server.replace(/\/$/, '');
  const list = await requestJson<{ items: Service[] }>(client, 'GET', `/api/v1/namespaces/kube-system/services${query({ labelSelector: 'kubernetes.io/cluster-service=true' })}`);
  let out = `Kubernetes control plane is running at ${server}\n`;
  for (const svc of list.items) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name || '';
    out += `${name} is running at ${link(server, svc)}\n`;
  }
  return out;
}

export async function run(ctx: Ctx): Promise<number> {
  // extra arguments are ignored (the command takes none, and checks none); a config that
  // cannot be used fails before anything is printed
  await ctx.factory.client();
  try {
    ctx.io.stdout.write(await lines(ctx));
  } finally {
    ctx.io.stdout.write(HINT);
  }
  return 0;
}
