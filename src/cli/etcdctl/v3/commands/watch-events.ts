// A bare clientv3-style watch for commands that consume events themselves (elect -l,
// make-mirror): responses go to a callback; the returned function cancels the watch.
import type { EtcdClient } from '../client/client.js';
import type { WatchResponse } from '../printers/types.js';
import type { KeyRange } from './kv-range.js';

export interface EventWatch {
  cancel(): void;
  /** resolves when the server or the connection ends the watch */
  ended: Promise<void>;
}

export function watchEvents(c: EtcdClient, range: KeyRange, startRev: string, onResp: (r: WatchResponse) => void): EventWatch {
  const md = c.metadata();
  md.set('hasleader', 'true');
  const svc = c.service('Watch') as unknown as { Watch(md: unknown): NodeJS.ReadWriteStream & { write(o: object): boolean; cancel(): void } };
  const call = svc.Watch(md);
  call.write({ create_request: { ...range, start_revision: startRev } });
  const ended = new Promise<void>((resolve) => {
    call.on('data', (resp: WatchResponse) => {
      if (resp.canceled === true) { resolve(); return; }
      if (resp.created === true && (resp.events ?? []).length === 0) return;
      onResp(resp);
    });
    call.on('error', () => resolve());
    call.on('end', () => resolve());
  });
  return { cancel: () => call.cancel(), ended };
}
