// Watch: a chunked stream of {"type","object"} lines from a resourceVersion (or the current state
// as ADDED events first), filtered by selectors the way the watch cache does (objects entering
// the selection are ADDED, leaving it DELETED), with periodic BOOKMARKs when asked.
import type { KObject } from '../types.js';
import type { Call } from './server-context.js';
import { listFilter } from './filter.js';
import { toTable, wantsTable, type IncludeObject } from './table.js';
import { groupVersion } from '../resources/types.js';
import { badRequest } from '../errors.js';

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export async function watch(c: Call): Promise<void> {
  const ns = c.d.namespaced ? c.info.namespace || undefined : undefined;
  const filter = listFilter(c.d, c.query) ?? (() => true);
  const nameOnly = c.info.name;
  const matches = (o: KObject | undefined) => !!o && (!nameOnly || o.metadata.name === nameOnly) && filter(o);
  const table = wantsTable(c.req.headers.accept);
  const include = (c.query.get('includeObject') as IncludeObject | null) ?? 'Metadata';
  let first = true;
  const send = (type: EventType, obj: unknown): void => {
    // The stream may have ended (timeout, client gone) while a bookmark or event was due.
    if (c.res.writableEnded || c.res.destroyed) return;
    let out = obj;
    if (table && type !== 'BOOKMARK' && type !== 'ERROR') {
      out = toTable(c.d, [obj as KObject], { resourceVersion: (obj as KObject).metadata.resourceVersion ?? '' }, c.s.gen.now(), include, first);
      first = false;
    }
    c.res.write(JSON.stringify({ type, object: out }) + '\n');
  };
  const rvParam = c.query.get('resourceVersion') ?? '';
  if (rvParam && !/^\d+$/.test(rvParam)) throw badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a valid resourceVersion`);
  c.res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  c.res.flushHeaders();
  let rv = Number(rvParam || 0);
  if (!rv) {
    const page = await c.s.storage.list(c.d, ns, {});
    for (const o of page.items) if (matches(o)) send('ADDED', o);
    rv = Number(page.resourceVersion);
  }
  let lastRv = rv;
  function end(): void {
    if (!c.res.writableEnded) c.res.end();
  }
  const watcher = c.s.storage.watch(c.d, ns, rv, (type, obj, prev) => {
    lastRv = Number(obj.metadata.resourceVersion);
    const now = matches(type === 'DELETED' ? prev : obj);
    const before = type === 'MODIFIED' && matches(prev);
    if (type === 'MODIFIED' && now !== before) send(now ? 'ADDED' : 'DELETED', obj);
    else if (now) send(type, obj);
  }, (err) => {
    send('ERROR', (err as { status?: unknown }).status ?? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: err.message, code: 500 });
    end();
  });
  const bookmarks = c.query.get('allowWatchBookmarks') === 'true';
  const timer = bookmarks
    ? setInterval(() => send('BOOKMARK', { kind: c.d.kind, apiVersion: groupVersion(c.d), metadata: { resourceVersion: String(lastRv) } }), c.s.bookmarkMs)
    : undefined;
  const timeoutSec = Number(c.query.get('timeoutSeconds') ?? 0);
  const deadline = setTimeout(end, (timeoutSec > 0 ? timeoutSec : 1800) * 1000);
  await new Promise<void>((resolve) => {
    const done = () => {
      clearInterval(timer);
      clearTimeout(deadline);
      void watcher.cancel().then(resolve);
    };
    c.res.on('close', done);
    c.res.on('error', () => undefined);
    c.req.on('close', end);
  });
}
