// -w json: Go's json.Marshal of what etcdctl prints (the gRPC response, or clientv3's wrappers).
import type { PackageDefinition } from '@grpc/proto-loader';
import { PbJson } from './pbjson.js';
import type { Printable, Rpc } from './printable.js';
import type * as T from './types.js';

function responseType(def: PackageDefinition, [service, method]: Rpc): string {
  const m = (def[`etcdserverpb.${service}`] as unknown as Record<string, { responseType: { type: { name: string } } }>)[method]!;
  return m.responseType.type.name;
}

/** clientv3 embeds *pb.ResponseHeader: its fields are inlined. */
function flatHeader(pb: PbJson, h: T.Header | undefined): string {
  const inner = pb.message('ResponseHeader', (h ?? {}) as Record<string, unknown>).slice(1, -1);
  return inner === '' ? '' : `${inner},`;
}

function n(v: string | number | undefined): string {
  return String(v ?? 0);
}

function leaseJson(pb: PbJson, p: Printable): string | undefined {
  switch (p.kind) {
    case 'grant': return `{${flatHeader(pb, p.resp.header)}"ID":${n(p.resp.ID)},"TTL":${n(p.resp.TTL)},"Error":${JSON.stringify(p.resp.error ?? '')}}`;
    case 'keepAlive': return `{${flatHeader(pb, p.resp.header)}"ID":${n(p.resp.ID)},"TTL":${n(p.resp.TTL)}}`;
    case 'timeToLive': {
      const r = p.resp;
      const keys = r.keys === undefined || r.keys.length === 0 ? 'null' : `[${r.keys.map((k) => JSON.stringify(k.toString('base64'))).join(',')}]`;
      return `{${flatHeader(pb, r.header)}"id":${n(r.ID)},"ttl":${n(r.TTL)},"granted-ttl":${n(r.grantedTTL)},"keys":${keys}}`;
    }
    case 'leases': {
      const items = (p.resp.leases ?? []).map((l) => `{"id":${n(l.ID)}}`);
      return `{${flatHeader(pb, p.resp.header)}"leases":[${items.join(',')}]}`;
    }
    default: return undefined;
  }
}

function watchJson(pb: PbJson, r: T.WatchResponse): string {
  // clientv3 hands on every dispatched response with a (maybe empty) Events slice; only the
  // response it makes up for a watch closed with an error has none
  const closed = r.canceled === true && String(r.compact_revision ?? 0) === '0';
  const events = closed ? 'null' : `[${(r.events ?? []).map((e) => pb.message('mvccpb.Event', e as Record<string, unknown>)).join(',')}]`;
  return `{"Header":${pb.message('ResponseHeader', (r.header ?? {}) as Record<string, unknown>)},"Events":${events},"CompactRevision":${n(r.compact_revision)},"Canceled":${r.canceled === true},"Created":${r.created === true}}`;
}

function endpointJson(pb: PbJson, p: Printable): string | undefined {
  switch (p.kind) {
    case 'endpointHealth':
      return `[${p.list.map((h) => `{"endpoint":${JSON.stringify(h.ep)},"health":${h.health},"took":${JSON.stringify(h.took)}${h.error === '' ? '' : `,"error":${JSON.stringify(h.error)}`}}`).join(',')}]`;
    case 'endpointStatus':
      return `[${p.list.map((s) => `{"Endpoint":${JSON.stringify(s.ep)},"Status":${pb.message('StatusResponse', s.resp as Record<string, unknown>)}}`).join(',')}]`;
    case 'endpointHashKV':
      return `[${p.list.map((s) => `{"Endpoint":${JSON.stringify(s.ep)},"HashKV":${pb.message('HashKVResponse', s.resp as Record<string, unknown>)}}`).join(',')}]`;
    case 'dbStatus':
      return `{"hash":${p.status.hash},"revision":${p.status.revision},"totalKey":${p.status.totalKey},"totalSize":${p.status.totalSize}}`;
    default: return undefined;
  }
}

export function jsonText(def: PackageDefinition | undefined, p: Printable): string {
  const pb = new PbJson(def ?? {});
  const special = p.kind === 'watch' ? watchJson(pb, p.resp) : leaseJson(pb, p) ?? endpointJson(pb, p);
  if (special !== undefined) return `${special}\n`;
  if (!('rpc' in p) || def === undefined) return '{}\n';
  return `${pb.message(responseType(def, p.rpc), p.resp as Record<string, unknown>)}\n`;
}
