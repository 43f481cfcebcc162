// member list / add / remove / update, cluster-health (the v2 members API).
import { ExitError } from '../../../shared/exit.js';
import { ClusterError, type V2Client } from '../client.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';
import { connect, serverError } from './session.js';

class StatusError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

interface Member { id: string; name?: string; peerURLs?: string[]; clientURLs?: string[] }

async function api<T>(c: V2Client, method: string, path: string, body?: object): Promise<T> {
  const res = await c.request(method, path, body === undefined ? undefined : JSON.stringify(body));
  if (res.status < 200 || res.status > 299) {
    let message = `unexpected status code ${res.status}`;
    try {
      message = (JSON.parse(res.body) as { message?: string }).message ?? message;
    } catch { /* not JSON: keep the status */ }
    throw new StatusError(res.status, message);
  }
  return (res.body === '' ? {} : JSON.parse(res.body)) as T;
}

function die(ctx: V2Context, message: string): never {
  ctx.err(`${message}\n`);
  throw new ExitError(V2_EXIT.badArgs, '', true);
}

const list = async (c: V2Client) => (await api<{ members?: Member[] }>(c, 'GET', '/v2/members')).members ?? [];

export async function memberList(ctx: V2Context): Promise<number> {
  ctx.noArgs();
  const c = await connect(ctx);
  try {
    const members = await list(c);
    const leader = await api<Member>(c, 'GET', '/v2/members/leader');
    for (const m of members) {
      ctx.out((m.name ?? '') === '' ? `${m.id}[unstarted]: peerURLs=${(m.peerURLs ?? []).join(',')}\n`
        : `${m.id}: name=${m.name} peerURLs=${(m.peerURLs ?? []).join(',')} clientURLs=${(m.clientURLs ?? []).join(',')} isLeader=${m.id === leader.id}\n`);
    }
  } catch (err) {
    die(ctx, err instanceof ClusterError ? `${err.message}` : (err as Error).message);
  }
  return V2_EXIT.success;
}

export async function memberAdd(ctx: V2Context): Promise<number> {
  if (ctx.args.length !== 2) die(ctx, 'Provide a name and a single member peerURL');
  const c = await connect(ctx);
  const [name, url] = ctx.args as [string, string];
  try {
    const m = await api<Member>(c, 'POST', '/v2/members', { peerURLs: [url] });
    ctx.out(`Added member named ${name} with ID ${m.id} to cluster\n`);
    const conf = (await list(c)).flatMap((x) => (x.peerURLs ?? []).map((u) => `${x.id === m.id ? name : x.name ?? ''}=${u}`));
    ctx.out(`\nETCD_NAME=${JSON.stringify(name)}\nETCD_INITIAL_CLUSTER=${JSON.stringify(conf.join(','))}\nETCD_INITIAL_CLUSTER_STATE="existing"\n`);
  } catch (err) {
    die(ctx, (err as Error).message);
  }
  return V2_EXIT.success;
}

export async function memberRemove(ctx: V2Context): Promise<number> {
  if (ctx.args.length !== 1) die(ctx, 'Provide a single member ID');
  const c = await connect(ctx);
  await api(c, 'DELETE', `/v2/members/${ctx.args[0]}`).catch((err: Error) =>
    die(ctx, err instanceof StatusError && err.status === 404 ? `Couldn't find a member in the cluster with an ID of ${ctx.args[0]}.` : err.message));
  ctx.out(`Removed member ${ctx.args[0]} from cluster\n`);
  return V2_EXIT.success;
}

export async function memberUpdate(ctx: V2Context): Promise<number> {
  if (ctx.args.length !== 2) die(ctx, 'Provide an ID and a list of comma separated peerURL (0xabcd http://example.com,http://example1.com)');
  const c = await connect(ctx);
  await api(c, 'PUT', `/v2/members/${ctx.args[0]}`, { peerURLs: ctx.args[1]!.split(',') }).catch((err: Error) => die(ctx, err.message));
  ctx.out(`Updated member with ID ${ctx.args[0]} in cluster\n`);
  return V2_EXIT.success;
}

async function healthOf(c: V2Client, url: string): Promise<string | null> {
  try {
    const res = await c.requestAt(url, 'GET', '/health');
    return (JSON.parse(res.body) as { health?: string }).health ?? '';
  } catch {
    return null;
  }
}

export async function clusterHealth(ctx: V2Context): Promise<number> {
  const c = await connect(ctx, false);
  let members: Member[];
  try {
    members = await list(c);
  } catch (err) {
    ctx.out('cluster may be unhealthy: failed to list members\n');
    return serverError(ctx, err);
  }
  let healthy = 0;
  for (const m of members) {
    const urls = m.clientURLs ?? [];
    if (urls.length === 0) { ctx.out(`member ${m.id} is unreachable: no available published client urls\n`); continue; }
    const url = urls[0]!;
    const h = await healthOf(c, url);
    if (h === 'true') { ctx.out(`member ${m.id} is healthy: got healthy result from ${url}\n`); healthy++; }
    else if (h === null) ctx.out(`member ${m.id} is unreachable: [${urls.join(' ')}] are all unreachable\n`);
    else ctx.out(`member ${m.id} is unhealthy: got unhealthy result from ${url}\n`);
  }
  ctx.out(healthy === members.length ? 'cluster is healthy\n' : healthy === 0 ? 'cluster is unavailable\n' : 'cluster is degraded\n');
  return healthy === members.length ? V2_EXIT.success : V2_EXIT.clusterNotHealthy;
}
