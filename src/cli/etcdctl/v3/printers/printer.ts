// The display: picks the printer for -w and prints one result. A format a printer lacks is
// `Error: <format> not supported as output format`, exit 4 (after the request was sent, as in
// etcdctl); an unknown -w fails before anything is sent (checkFormat).
import type { PackageDefinition } from '@grpc/proto-loader';
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { fieldsText } from './fields.js';
import { encodeHeader } from './header-pb.js';
import { jsonText } from './json.js';
import type { PrintEnv, Printable } from './printable.js';
import { simpleText } from './simple.js';
import { tableText } from './table.js';

const FORMATS = ['simple', 'json', 'protobuf', 'fields', 'table'];

export function checkFormat(ctx: CommandContext): string {
  const format = ctx.globals().writeOut;
  if (!FORMATS.includes(format)) throw new ExitError(EXIT.badFeature, 'unsupported output format');
  return format;
}

function unsupported(format: string): never {
  throw new ExitError(EXIT.badFeature, `${format} not supported as output format`);
}

function protobuf(def: PackageDefinition | undefined, p: Printable): Uint8Array {
  if (p.kind === 'endpointHealth' || p.kind === 'endpointStatus' || p.kind === 'endpointHashKV' || p.kind === 'dbStatus') {
    unsupported('protobuf');
  }
  if (!('rpc' in p) || def === undefined) unsupported('protobuf');
  // clientv3.LeaseRevokeResponse is no proto message: printPB refuses it, printing its %v
  if (p.kind === 'revoke') throw new ExitError(EXIT.badFeature, `marshal unsupported for type clientv3.LeaseRevokeResponse (${headerText(p.resp.header)})`);
  // clientv3's lease responses embed *pb.ResponseHeader, whose Marshal is all printPB finds.
  if (p.kind === 'grant' || p.kind === 'keepAlive' || p.kind === 'timeToLive' || p.kind === 'leases') return encodeHeader(p.resp.header);
  const [service, method] = p.rpc;
  const svc = def[`etcdserverpb.${service}`] as unknown as Record<string, { responseSerialize(m: object): Buffer }>;
  return svc[method]!.responseSerialize(p.resp);
}

/** %v of a struct holding *pb.ResponseHeader: `{` + the header's compact proto text + `}`. */
function headerText(h: { cluster_id?: unknown; member_id?: unknown; revision?: unknown; raft_term?: unknown } | undefined): string {
  if (h === undefined) return '{<nil>}';
  const fields = (['cluster_id', 'member_id', 'revision', 'raft_term'] as const).filter((k) => String(h[k] ?? '0') !== '0').map((k) => `${k}:${String(h[k])} `);
  return `{${fields.join('')}}`;
}

export function printEnv(ctx: CommandContext, valueOnly = false): PrintEnv {
  return { hex: ctx.globals().hex, valueOnly, out: (t) => ctx.out(t), err: (t) => ctx.err(t) };
}

export function display(ctx: CommandContext, p: Printable, def?: PackageDefinition, valueOnly = false): void {
  const format = checkFormat(ctx);
  const env = printEnv(ctx, valueOnly);
  switch (format) {
    case 'json': ctx.out(jsonText(def, p)); return;
    case 'fields': ctx.out(fieldsText(p)); return;
    case 'protobuf': ctx.out(protobuf(def, p)); return;
    case 'table': ctx.out(tableText(p) ?? unsupported('table')); return;
    default: ctx.out(simpleText(p, env));
  }
}
