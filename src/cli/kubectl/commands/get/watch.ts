// kubectl get -w / --watch-only: the list first (as ADDED events with --output-watch-events),
// then one row per change from a watch that starts at the list's resourceVersion, aligned with
// the widths remembered from what was printed before. Ends when the server closes the watch.
import type { Obj, WatchEvent } from '../../../../client/types.js';
import { RememberingAligner } from '../../../../printers/remembering.js';
import { tableCells, type Table } from '../../../../printers/table.js';
import type { Ctx } from '../../context.js';
import type { ResourceRequest } from '../../resource/args.js';
import { collectionPath, query } from '../../resource/paths.js';
import { TABLE_ACCEPT } from '../../resource/request.js';
import { listAll, type GetScope } from './fetch.js';

function selectorFor(req: ResourceRequest, s: GetScope): string {
  const names = req.names.map((n) => `metadata.name=${n}`);
  return [s.fieldSelector, ...names].filter((x) => x !== '').join(',');
}

export async function watchTables(ctx: Ctx, req: ResourceRequest, s: GetScope, wide: boolean): Promise<number> {
  const client = await ctx.factory.client();
  const events = ctx.bool('output-watch-events');
  const aligner = new RememberingAligner();
  const opts = { wide, withNamespace: s.allNamespaces && req.resource.namespaced, showLabels: ctx.bool('show-labels'), labelColumns: ctx.list('label-columns') };
  const base = collectionPath(req.resource, s.allNamespaces ? undefined : s.namespace);
  const fieldSelector = selectorFor(req, s);
  // the builder's list (names are asked for by field selector here, in one request)
  const pages = await listAll<never>(client, req.resource, { ...s, fieldSelector, chunkSize: req.names.length === 0 ? s.chunkSize : 0 }, TABLE_ACCEPT);
  const list = { ...pages[0], rows: pages.flatMap((p) => p.rows ?? []), metadata: pages[pages.length - 1]?.metadata };
  const columns = list.columnDefinitions ?? [];
  const prefix = (type: string, rows: string[][]): string[][] => (events ? rows.map((r) => [type.padEnd(8), ...r]) : rows);
  let header = !ctx.bool('no-headers');
  const print = (type: string, rows: Table['rows']): void => {
    // an empty list prints nothing, not even the header
    if ((rows ?? []).length === 0) return;
    const cells = tableCells({ columnDefinitions: columns, rows: rows ?? [] }, { ...opts, noHeaders: !header });
    const withHead = header ? [[...(events ? ['EVENT'] : []), ...cells[0]!], ...prefix(type, cells.slice(1))] : prefix(type, cells);
    header = false;
    if (withHead.length > 0) ctx.io.stdout.write(aligner.flush(withHead));
  };
  if (!ctx.bool('watch-only')) print('ADDED', list.rows);
  // --request-timeout reaches the watch as the client's timeout (?timeout= and its deadline)
  const path = base + query({ fieldSelector, labelSelector: s.labelSelector, resourceVersion: list.metadata?.resourceVersion, watch: true });
  const w = client.watchPath(path, (e: WatchEvent<Obj>) => print(e.type, (e.object as unknown as Table).rows), TABLE_ACCEPT);
  const err = await w.done;
  if (err) throw err;
  return 0;
}
