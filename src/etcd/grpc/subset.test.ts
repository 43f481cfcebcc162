import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { reachable, serviceSubset, type JsonNode } from './subset.js';

const root: JsonNode = {
  nested: {
    mvccpb: { nested: { KeyValue: { fields: { key: { type: 'bytes', id: 1 } } }, Unused: { fields: {} } } },
    pb: {
      options: { go_package: 'pb' },
      nested: {
        KV: { methods: { Range: { requestType: 'RangeRequest', responseType: 'RangeResponse' } } },
        Lease: { methods: { Grant: { requestType: 'GrantRequest', responseType: 'GrantResponse' } } },
        Header: { fields: { revision: { type: 'int64', id: 1 } } },
        RangeRequest: { fields: { sort_order: { type: 'SortOrder', id: 1 } }, nested: { SortOrder: { values: { NONE: 0 } }, Spare: { fields: {} } } },
        RangeResponse: { fields: { header: { type: 'Header', id: 1 }, kvs: { type: 'mvccpb.KeyValue', rule: 'repeated', id: 2 }, other: { type: '.pb.Deep.Inner', id: 3 } } },
        Deep: { nested: { Inner: { fields: { n: { type: 'int32', id: 1 } } } } },
        GrantRequest: { fields: {} },
        GrantResponse: { fields: { header: { type: 'Header', id: 1 } } },
      },
    },
  },
};

describe('serviceSubset', () => {
  it('keeps the service and the types its methods reach, resolved as protobuf scopes names', () => {
    expect([...reachable(root, 'pb.KV')].sort()).toEqual([
      'mvccpb.KeyValue', 'pb.Deep.Inner', 'pb.Header', 'pb.KV', 'pb.RangeRequest', 'pb.RangeRequest.SortOrder', 'pb.RangeResponse',
    ]);
  });

  it('copies each kept node whole but its nested types, which appear only when kept', () => {
    const sub = serviceSubset(root, 'pb.KV');
    expect(Object.keys(sub.nested!.pb!.nested!).sort()).toEqual(['Deep', 'Header', 'KV', 'RangeRequest', 'RangeResponse']);
    expect(sub.nested!.pb!.nested!.RangeRequest).toEqual({ fields: { sort_order: { type: 'SortOrder', id: 1 } }, nested: { SortOrder: { values: { NONE: 0 } } } });
    expect(sub.nested!.mvccpb).toEqual({ nested: { KeyValue: { fields: { key: { type: 'bytes', id: 1 } } } } });
    expect(serviceSubset(root, 'pb.Lease').nested!.pb!.nested).toEqual({
      Lease: root.nested!.pb!.nested!.Lease, Header: root.nested!.pb!.nested!.Header,
      GrantRequest: { fields: {} }, GrantResponse: root.nested!.pb!.nested!.GrantResponse,
    });
  });

  it('refuses a service the descriptor does not have', () => {
    expect(() => serviceSubset(root, 'pb.Nope')).toThrow('no service pb.Nope in the descriptor');
  });

  it("gives proto-loader every type of each etcd service's methods", async () => {
    const require = createRequire(import.meta.url);
    const protobuf = require('protobufjs') as { Root: new () => { loadSync(f: string, o: object): { toJSON(o: object): JsonNode } } };
    const loader = await import('@grpc/proto-loader');
    const json = new protobuf.Root().loadSync(require.resolve('etcd3/proto/rpc.proto'), { keepCase: true }).toJSON({ keepComments: false });
    const opts = { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false };
    const all = loader.fromJSON(json, opts);
    for (const service of ['KV', 'Watch', 'Lease', 'Cluster', 'Maintenance', 'Auth']) {
      const part = loader.fromJSON(serviceSubset(json, `etcdserverpb.${service}`), opts);
      const methods = part[`etcdserverpb.${service}`] as unknown as Record<string, { requestType: unknown; responseType: unknown; path: string }>;
      const full = all[`etcdserverpb.${service}`] as unknown as typeof methods;
      expect(Object.keys(methods)).toEqual(Object.keys(full));
      for (const [name, m] of Object.entries(methods)) {
        expect(m.path).toBe(full[name]!.path);
        expect((m.requestType as { type: unknown }).type).toEqual((full[name]!.requestType as { type: unknown }).type);
        expect((m.responseType as { type: unknown }).type).toEqual((full[name]!.responseType as { type: unknown }).type);
      }
      expect(Object.keys(part).length).toBeLessThan(Object.keys(all).length);
    }
  });
});
