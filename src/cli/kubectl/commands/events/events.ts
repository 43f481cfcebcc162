// kubectl events: the core/v1 events of a namespace (or all), optionally --for one object and
// of some --types, as kubectl's own table or any object format; -w keeps printing new ones.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj, WatchEvent } from '../../../../client/types.js';
import { RememberingTabwriter } from '../../../../printers/tabwriter.js';
import { alignRows, TAB_OPTIONS } from '../../../../printers/table.js';
import type { Ctx } from '../../context.js';
import { NoResourceMatchError } from '../../discovery/mapper.js';
import { PrintedError } from '../../errors.js';
import { parseOutput, resolveObjectOutput } from '../../output/format.js';
import { omitManagedFields, printObjects } from '../../output/objects.js';
import { query } from '../../resource/paths.js';
import { requestJson, TYPED_LIST } from '../../resource/request.js';
import { typedEventList } from '../../../../printers/typed/event.js';
import { eventHeader, eventRow, sortEvents, type CoreEvent } from './table.js';

async function forSelector(ctx: Ctx): Promise<string> {
  const target = ctx.str('for');
  if (!target) return '';
  const at = target.indexOf('/');
  if (at < 0) throw new Error(`--for must be in resource/name form`);
  const mapper = await ctx.factory.mapper(2);
  try {
    const r = await mapper.resolve(target.slice(0, at));
    const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
    return `involvedObject.kind=${r.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${target.slice(at + 1)}`;
  } catch (err) {
    if (err instanceof NoResourceMatchError) throw new PrintedError(err.message);
    throw err;
  }
}

function types(ctx: Ctx): string[] {
  const list = ctx.list('types');
  for (const t of list) if (!/^(normal|warning)$/i.test(t)) throw new Error('valid --types are Normal or Warning');
  return list;
}

interface EventPage { items?: CoreEvent[]; metadata?: { resourceVersion?: string; continue?: string } }

/** FollowContinue 500 at a time (cmdutil.DefaultChunkSize: events takes --chunk-size but never reads it). */
async function listEvents(client: RestClient, base: string, fieldSelector: string): Promise<{ items: CoreEvent[]; resourceVersion?: string }> {
  const items: CoreEvent[] = [];
  let cont: string | undefined;
  let resourceVersion: string | undefined;
  do {
    const page = await requestJson<EventPage>(client, 'GET', base + query({ continue: cont, fieldSelector, limit: 500 }), TYPED_LIST);
    items.push(...(page.items ?? []));
    resourceVersion = page.metadata?.resourceVersion;
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return { items, resourceVersion };
}

export async function run(ctx: Ctx): Promise<number> {
  // ToOptions: the namespace, --for, the client and the printer; then Validate's --types
  const all = ctx.bool('all-namespaces');
  const { namespace } = await ctx.factory.namespace();
  const fieldSelector = await forSelector(ctx);
  const client = await ctx.factory.client();
  // only a non-empty -o asks PrintFlags for a printer; --template alone keeps the table
  const out = ctx.str('output') === '' ? parseOutput('', 'object') : resolveObjectOutput(ctx.str('output'), ctx.str('template'), true);
  const wanted = types(ctx);
  const base = all ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`;
  const list = await listEvents(client, base, fieldSelector);
  const keep = (e: CoreEvent): boolean => wanted.length === 0 || wanted.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  const events = sortEvents(list.items.filter(keep));
  if (out.kind !== 'table') {
    if (out.kind === 'name') return 0;
    const list = typedEventList(events) as unknown as Obj;
    const value = ctx.bool('show-managed-fields') || (out.kind !== 'json' && out.kind !== 'yaml') ? list : omitManagedFields(list);
    ctx.io.stdout.write(printObjects([value], out, { single: true, generated: true, cwd: ctx.io.cwd }));
    return 0;
  }
  const now = Date.now();
  // kubectl's tabwriter remembers its widths: later rows line up under the first table
  const tw = new RememberingTabwriter(TAB_OPTIONS);
  const flush = (lines: string[][]): string => { tw.write(lines.map((l) => `${l.join('\t')}\n`).join('')); return tw.flush(); };
  const rows = events.map((e) => eventRow(e, all, now));
  const header = ctx.bool('no-headers') ? [] : [eventHeader(all)];
  if (rows.length === 0 && !ctx.bool('watch')) {
    ctx.io.stderr.write(all ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`);
    return 0;
  }
  if (!ctx.bool('watch')) {
    ctx.io.stdout.write(alignRows([...header, ...rows]));
    return 0;
  }
  ctx.io.stdout.write(flush([...header, ...rows]));
  const w = client.watchPath(base + query({ fieldSelector, resourceVersion: list.resourceVersion, watch: true }), (e: WatchEvent<Obj>) => {
    const ev = e.object as unknown as CoreEvent;
    if (e.type !== 'DELETED' && keep(ev)) ctx.io.stdout.write(flush([eventRow(ev, all, Date.now())]));
  });
  const err = await w.done;
  if (err) throw err;
  return 0;
}
