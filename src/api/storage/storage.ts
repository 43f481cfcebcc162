// Generic object storage over the store with etcd3 semantics, as the apiserver's etcd3 storage
// layer does it: create = txn(createRevision == 0), update = txn(modRevision == resourceVersion),
// lists at one revision with limit/continue, watches from a revision.
import type { KeyValue, Store, WatchEvent, Watcher } from '../../store/index.js';
import { StoreError } from '../../store/index.js';
import type { ResourceDescriptor } from '../resources/types.js';
import type { KObject } from '../types.js';
import { alreadyExists, conflict, notFound, OPTIMISTIC_LOCK, gone } from '../errors.js';
import { decode as decodeKv, encode as encodeObj } from './codec.js';
import { listPrefix, objectKey, prefixEnd } from './keys.js';
import { decodeContinue, encodeContinue, expiredContinue } from './continue.js';

const encode = (d: ResourceDescriptor, obj: KObject): Buffer => encodeObj(d.codec ? d.codec.toStorage(obj) : obj);
const decode = (d: ResourceDescriptor, kv: KeyValue): KObject => (d.codec ? d.codec.fromStorage(decodeKv(kv)) : decodeKv(kv));

export interface ListPage {
  items: KObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface PageRequest {
  limit?: number;
  continue?: string;
  /** Only objects for which this returns true count toward the page. */
  filter?: (obj: KObject) => boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

const gr = (d: ResourceDescriptor) => ({ group: d.group, resource: d.plural });

export class ObjectStorage {
  constructor(readonly store: Store) {}

  async get(d: ResourceDescriptor, ns: string | undefined, name: string): Promise<KObject> {
    const r = await this.store.range({ key: objectKey(d, ns, name) });
    const kv = r.kvs[0];
    if (!kv) throw notFound(gr(d), name);
    return decode(d, kv);
  }

  async tryGet(d: ResourceDescriptor, ns: string | undefined, name: string): Promise<KObject | undefined> {
    const r = await this.store.range({ key: objectKey(d, ns, name) });
    return r.kvs[0] ? decode(d, r.kvs[0]) : undefined;
  }

  async create(d: ResourceDescriptor, obj: KObject): Promise<KObject> {
    const key = objectKey(d, obj.metadata.namespace, obj.metadata.name!);
    const t = await this.store.txn({
      compare: [{ key, target: 'CREATE', result: 'EQUAL', createRevision: 0 }],
      success: [{ requestPut: { key, value: encode(d, obj) } }],
      failure: [],
    });
    if (!t.succeeded) throw alreadyExists(gr(d), obj.metadata.name!);
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(t.header.revision) } };
  }

  /** Writes obj if the stored object is still at modRevision rv. */
  async update(d: ResourceDescriptor, obj: KObject, rv: number): Promise<KObject> {
    const name = obj.metadata.name!;
    const key = objectKey(d, obj.metadata.namespace, name);
    const t = await this.store.txn({
      compare: [{ key, target: 'MOD', result: 'EQUAL', modRevision: rv }],
      success: [{ requestPut: { key, value: encode(d, obj) } }],
      failure: [{ requestRange: { key } }],
    });
    if (!t.succeeded) {
      const found = (t.responses[0] as { responseRange?: { kvs: unknown[] } } | undefined)?.responseRange?.kvs.length;
      if (!found) throw notFound(gr(d), name);
      throw conflict(gr(d), name, OPTIMISTIC_LOCK);
    }
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(t.header.revision) } };
  }

  /** Deletes the object if it is still at modRevision rv; returns the deletion's revision. */
  async delete(d: ResourceDescriptor, obj: KObject, rv: number): Promise<number> {
    const name = obj.metadata.name!;
    const key = objectKey(d, obj.metadata.namespace, name);
    const t = await this.store.txn({
      compare: [{ key, target: 'MOD', result: 'EQUAL', modRevision: rv }],
      success: [{ requestDeleteRange: { key } }],
      failure: [{ requestRange: { key } }],
    });
    if (!t.succeeded) {
      const found = (t.responses[0] as { responseRange?: { kvs: unknown[] } } | undefined)?.responseRange?.kvs.length;
      if (!found) throw notFound(gr(d), name);
      throw conflict(gr(d), name, OPTIMISTIC_LOCK);
    }
    return t.header.revision;
  }

  async list(d: ResourceDescriptor, ns: string | undefined, page: PageRequest = {}): Promise<ListPage> {
    const prefix = listPrefix(d, ns);
    let start = prefix;
    let revision = 0;
    if (page.continue) {
      const c = decodeContinue(page.continue);
      start = prefix + c.start;
      revision = c.rv;
    }
    const items: KObject[] = [];
    const limit = page.limit && page.limit > 0 ? page.limit : 0;
    let key = Buffer.from(start);
    let lastKey = '';
    let more = false;
    for (;;) {
      const r = await this.rangeAt(key, prefixEnd(prefix), revision, limit ? Math.max(limit * 2, 64) : 0);
      revision = r.header.revision;
      for (const kv of r.kvs) {
        const obj = decode(d, kv);
        lastKey = kv.key.toString();
        if (page.filter && !page.filter(obj)) continue;
        if (limit && items.length === limit) {
          more = true;
          break;
        }
        items.push(obj);
      }
      if (more || !r.more || !r.kvs.length) {
        more = more || (r.more && limit > 0 && items.length === limit);
        break;
      }
      key = Buffer.concat([r.kvs[r.kvs.length - 1]!.key, Buffer.from([0])]);
    }
    const out: ListPage = { items, resourceVersion: String(revision) };
    if (more && items.length) {
      const last = items[items.length - 1]!;
      const rel = objectKey(d, last.metadata.namespace, last.metadata.name!).toString().slice(prefix.length);
      out.continue = encodeContinue(revision, rel + '\u0000');
      void lastKey;
    }
    return out;
  }

  private async rangeAt(key: Buffer, end: Buffer, revision: number, limit: number) {
    try {
      return await this.store.range({ key, rangeEnd: end, revision, limit });
    } catch (err) {
      if (err instanceof StoreError && /compacted/.test(err.message)) throw expiredContinue();
      throw err;
    }
  }

  /** Watches objects of d (in ns) after revision rv; events carry the decoded objects. */
  watch(
    d: ResourceDescriptor,
    ns: string | undefined,
    rv: number,
    onEvent: (type: WatchEventType, obj: KObject, prev?: KObject) => void,
    onEnd: (err: Error) => void,
  ): Watcher {
    const prefix = listPrefix(d, ns);
    return this.store.watch({ key: Buffer.from(prefix), rangeEnd: prefixEnd(prefix), startRevision: rv + 1, prevKv: true }, (resp) => {
      if (resp.canceled || resp.compactRevision) {
        onEnd(gone(`too old resource version: ${rv} (${resp.compactRevision ?? rv})`));
        return;
      }
      for (const ev of resp.events) this.deliver(d, ev, onEvent);
    });
  }

  private deliver(d: ResourceDescriptor, ev: WatchEvent, onEvent: (type: WatchEventType, obj: KObject, prev?: KObject) => void): void {
    const prev = ev.prevKv ? decode(d, ev.prevKv) : undefined;
    if (ev.type === 'DELETE') {
      if (!prev) return;
      onEvent('DELETED', { ...prev, metadata: { ...prev.metadata, resourceVersion: String(ev.kv.modRevision) } }, prev);
      return;
    }
    onEvent(ev.kv.createRevision === ev.kv.modRevision ? 'ADDED' : 'MODIFIED', decode(d, ev.kv), prev);
  }

  async currentRevision(): Promise<number> {
    return (await this.store.range({ key: Buffer.from('/registry/'), limit: 1, countOnly: true })).header.revision;
  }
}
