// /v2/members and /v2/machines: etcd 3.4's membersHandler and machinesHandler. Changes to the
// membership are raft proposals and writes to etcd's own records in the v2 store (/0/members),
// which take v2 indexes without any keys-API event.
import type http from 'node:http';
import { memberId, hexId } from '../ids.js';
import { newURLs } from '../../client/etcd-urls.js';
import type { Member } from '../membership.js';
import { allowMethod, goError, send, setGoHeaders, type Headers } from './respond.js';
import type { V2Context } from './v2context.js';

export const MEMBERS_PREFIX = '/v2/members';

interface WireMember {
  id: string;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
}

const wireMember = (m: Member): WireMember => ({ id: hexId(m.id), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs });

/** etcd lists members in the order of their IDs. */

/** httptypes.HTTPError: a JSON message, no final newline. */
function httpError(res: http.ServerResponse, status: number, message: string, headers: Headers = {}): void {
  send(res, status, { ...headers, 'Content-Type': 'application/json' }, JSON.stringify({ message }));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Headers): void {
  send(res, status, { ...headers, 'Content-Type': 'application/json' }, `${JSON.stringify(body)}\n`);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The JSON body's peerURLs through types.NewURLs (Go's wording). */
export function checkPeerUrls(urls: unknown): string[] {
  if (!Array.isArray(urls)) throw new Error(`json: cannot unmarshal ${typeof urls} into Go struct field .peerURLs of type []string`);
  const bad = urls.find((u) => typeof u !== 'string');
  if (bad !== undefined) throw new Error(`json: cannot unmarshal ${typeof bad} into Go struct field .peerURLs of type string`);
  return newURLs(urls as string[]);
}

/** unmarshalRequest: JSON bodies only. */
async function peerUrlsFrom(req: http.IncomingMessage, res: http.ServerResponse, headers: Headers): Promise<string[] | undefined> {
  const ctype = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (ctype !== 'application/json') {
    httpError(res, 415, `Bad Content-Type ${ctype}, accept application/json`, headers);
    return undefined;
  }
  try {
    const body = JSON.parse(await readBody(req)) as { peerURLs?: unknown };
    return checkPeerUrls(body.peerURLs ?? []);
  } catch (err) {
    httpError(res, 400, (err as Error).message, headers);
    return undefined;
  }
}

/** Runs a membership change; a timeout is answered as etcd's WriteError does (a bare 500). */
async function proposal(ctx: V2Context, res: http.ServerResponse, headers: Headers, fn: () => Promise<void>): Promise<boolean> {
  try {
    await ctx.agree(fn);
    return true;
  } catch {
    httpError(res, 500, 'Internal Server Error', headers);
    return false;
  }
}

async function refuseMissing(ctx: V2Context, res: http.ServerResponse, id: bigint, headers: Headers): Promise<void> {
  if (await proposal(ctx, res, headers, async () => void (await ctx.propose()))) httpError(res, 404, `No such member: ${hexId(id)}`, headers);
}

function idFromPath(sub: string, res: http.ServerResponse, headers: Headers): bigint | undefined {
  if (sub === '') {
    goError(res, 405, 'Method Not Allowed', headers);
    return undefined;
  }
  if (!/^[0-9a-fA-F]{1,16}$/.test(sub)) {
    httpError(res, 404, `No such member: ${sub}`, headers);
    return undefined;
  }
  return BigInt(`0x${sub}`);
}

export async function serveMembers(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
  if (!allowMethod(req, res, 'GET', 'POST', 'DELETE', 'PUT')) return;
  if (!(await ctx.auth.hasWriteRootAccess(req))) return httpError(res, 401, 'Insufficient credentials');
  const { server } = ctx;
  const headers: Headers = { 'X-Etcd-Cluster-Id': hexId(server.membership.clusterId) };
  const sub = path.slice(MEMBERS_PREFIX.length).replace(/^\//, '');
  switch (req.method) {
    case 'GET':
      if (sub === '') return sendJson(res, 200, { members: server.membership.sorted().map(wireMember) }, headers);
      if (sub !== 'leader') return httpError(res, 404, 'Not found', headers);
      // Without a quorum the lone member steps down after an election timeout (check-quorum).
      if (!server.membership.hasLeader(server.id, Date.now(), server.config.electionTimeoutMs ?? 1000)) return httpError(res, 503, 'During election', headers);
      return sendJson(res, 200, wireMember(server.self()), headers);
    case 'POST':
      return addMember(ctx, req, res, headers);
    case 'DELETE':
      return removeMember(ctx, res, sub, headers);
    default:
      return updateMember(ctx, req, res, sub, headers);
  }
}

async function addMember(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, headers: Headers): Promise<void> {
  const peerURLs = await peerUrlsFrom(req, res, headers);
  if (!peerURLs) return;
  const { server } = ctx;
  const member: Member = { id: memberId(peerURLs, '', Math.floor(ctx.now() / 1000)), name: '', peerURLs, clientURLs: [], isLearner: false };
  // etcd checks the change when it applies it: a refused change still took a raft entry.
  const refusal = server.membership.get(member.id)
    ? 'membership: ID exists'
    : server.membership.members.some((m) => m.peerURLs.some((u) => peerURLs.includes(u)))
      ? 'membership: peerURL exists'
      : undefined;
  if (refusal) {
    if (await proposal(ctx, res, headers, async () => void (await ctx.propose()))) httpError(res, 409, refusal, headers);
    return;
  }
  // Saving the membership is the conf change's raft entry; etcd's /0/members record takes an index.
  const done = await proposal(ctx, res, headers, async () => {
    server.membership.members.push(member);
    await server.saveMembership();
    await ctx.keys.advanceIndex();
  });
  if (done) sendJson(res, 201, wireMember(member), headers);
}

async function removeMember(ctx: V2Context, res: http.ServerResponse, sub: string, headers: Headers): Promise<void> {
  const id = idFromPath(sub, res, headers);
  if (id === undefined) return;
  const { membership } = ctx.server;
  const i = membership.members.findIndex((m) => m.id === id);
  if (i < 0) return refuseMissing(ctx, res, id, headers);
  // etcd deletes /0/members/<id> and records /0/removed_members/<id>: two v2 indexes.
  const done = await proposal(ctx, res, headers, async () => {
    membership.members.splice(i, 1);
    await ctx.server.saveMembership();
    await ctx.keys.advanceIndex();
    await ctx.keys.advanceIndex();
  });
  if (!done) return;
  setGoHeaders(res, headers);
  res.writeHead(204);
  res.end();
}

async function updateMember(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, sub: string, headers: Headers): Promise<void> {
  const id = idFromPath(sub, res, headers);
  if (id === undefined) return;
  const peerURLs = await peerUrlsFrom(req, res, headers);
  if (!peerURLs) return;
  const m = ctx.server.membership.get(id);
  if (!m) return refuseMissing(ctx, res, id, headers);
  const done = await proposal(ctx, res, headers, async () => {
    m.peerURLs = peerURLs;
    await ctx.server.saveMembership();
    await ctx.keys.advanceIndex();
  });
  if (!done) return;
  setGoHeaders(res, headers);
  res.writeHead(204);
  res.end();
}

/** /v2/machines: the cluster's client URLs, comma-separated, as plain text. */
export function serveMachines(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!allowMethod(req, res, 'GET', 'HEAD')) return;
  const urls = ctx.server.membership.members.flatMap((m) => m.clientURLs).sort();
  send(res, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, urls.join(', '));
}
