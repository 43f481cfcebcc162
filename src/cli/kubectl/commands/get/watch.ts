// kubectl get -w / --watch-only (GetOptions.watch): what the builder finds (one type only) is
// printed first, unless --watch-only; then the changes. A list is watched from its
// resourceVersion; one object from resourceVersion 0, whose synthetic ADDED event is not printed
// (it was, by the GET). Several names print, then fail: only one source can be watched.
import type { RestClient } from '../../../../client/rest.js';
import { DeadlineError } from '../../../../client/transport-error.js';
import type { Obj, WatchEvent } from '../../../../client/types.js';
import { PrintedError } from '../../errors.js';
import type { Ctx } from '../../context.js';
import type { ApiResource } from '../../discovery/mapper.js';
import type { OutputFormat } from '../../output/format.js';
import { checkArgForms, resourceRequests } from '../../resource/args.js';
import { mapperForArgs } from '../mutate/mapping.js';
import { collectionPath, query } from '../../resource/paths.js';
import { TABLE_ACCEPT } from '../../resource/request.js';
import { reportable } from '../mutate/aggregate.js';
import { MISSING_RESOURCE } from '../mutate/builder-types.js';
import { retrieve, type Info } from '../mutate/info.js';
import { listAll, typedAs, type GetScope, type ListBody } from './fetch.js';
import { fileInfos, multipleKinds } from './files.js';
import { serverPrint } from './server-print.js';
import { discoveryAttempts, usesFiles, validate } from './validate.js';
import { WatchPrinter } from './watch-print.js';

const ONE_SOURCE = 'you may only watch a single resource or type of resource at a time';

/** What r.Object() made of the builder's infos, and how r.Watch(rv) would go on. */
interface Found {
  resource: ApiResource;
  /** what is printed first: one object, a list's items, or each page of a list */
  objects: Obj[];
  isList: boolean;
  resourceVersion: string;
  /** the watch request for a resourceVersion, or why there is none */
  watch: ((rv: string) => string) | Error;
}

/** Result.Object's version: the one resourceVersion all the infos share, else none. */
function sharedVersion(objs: { metadata?: { resourceVersion?: string } }[]): string {
  const versions = new Set(objs.map((o) => o.metadata?.resourceVersion ?? ''));
  return versions.size === 1 ? [...versions][0]! : '';
}

/** Info.Watch: one object, by field selector. */
function watchOne(info: Info): (rv: string) => string {
  return (rv) => collectionPath(info.mapping!, info.namespace || undefined) + query({ fieldSelector: `metadata.name=${info.name}`, resourceVersion: rv, watch: true });
}

const typedItems = (r: ApiResource, page: ListBody<Obj>): Obj[] => (page.items ?? []).map(typedAs(r));

/** The selector's pages: one page prints item by item, several print page by page. */
async function fromList(client: RestClient, r: ApiResource, s: GetScope, accept: string | undefined): Promise<Found> {
  const pages = await listAll<Obj>(client, r, s, accept);
  const asObjects = accept === undefined && pages.length === 1;
  const objects = asObjects ? typedItems(r, pages[0]!) : pages.map((p) => (accept === undefined ? { ...p, items: typedItems(r, p) } : p) as unknown as Obj);
  const ns = s.allNamespaces ? undefined : s.namespace;
  const watch = (rv: string): string => collectionPath(r, ns) + query({ fieldSelector: s.fieldSelector, labelSelector: s.labelSelector, resourceVersion: rv, watch: true });
  return { resource: r, objects, isList: true, resourceVersion: sharedVersion(pages), watch };
}

async function fromArgs(ctx: Ctx, s: GetScope, accept: string | undefined): Promise<Found> {
  if (ctx.args.length === 0) throw new Error(MISSING_RESOURCE);
  checkArgForms(ctx.args);
  const mapper = await mapperForArgs(ctx.factory.mapper(discoveryAttempts(ctx.args)), ctx.args);
  const requests = await resourceRequests(mapper, ctx.args, (w) => ctx.io.stderr.write(w));
  validate(ctx, requests, false);
  if (requests.length > 1) throw new Error('you may only specify a single resource type');
  const req = requests[0]!;
  const client = await ctx.factory.client();
  if (req.names.length === 0) return fromList(client, req.resource, s, accept);
  // Info.Get for each name, stopping at the first that fails
  const infos: Info[] = req.names.map((name) => ({ mapping: req.resource, namespace: req.resource.namespaced ? s.namespace : '', name }));
  for (const info of infos) await retrieve(client, info, accept);
  const objects = infos.map((i) => i.object!);
  if (infos.length === 1) return { resource: req.resource, objects, isList: false, resourceVersion: '0', watch: watchOne(infos[0]!) };
  return { resource: req.resource, objects, isList: true, resourceVersion: sharedVersion(objects), watch: new Error(ONE_SOURCE) };
}

async function fromFiles(ctx: Ctx, s: GetScope, accept: string | undefined): Promise<Found> {
  const got = await fileInfos(ctx, s, accept, true);
  if (got.error) throw reportable(got.error);
  if (multipleKinds(got.infos)) throw new Error('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const first = got.infos[0];
  if (!first) throw new PrintedError('panic: runtime error: index out of range [0] with length 0\n', 2);
  const objects = got.infos.map((i) => i.object!);
  const single = got.singleItemImplied && objects.length === 1;
  const watch = got.sources !== 1
    ? new Error(ONE_SOURCE)
    : got.infos.length !== 1 ? new Error(`watch is only supported on individual resources and resource collections - ${got.infos.length} resources were found`) : watchOne(first);
  return { resource: first.mapping!, objects, isList: !single, resourceVersion: single ? '0' : sharedVersion(objects), watch };
}

export async function watch(ctx: Ctx, s: GetScope, out: OutputFormat): Promise<number> {
  const human = out.kind === 'table' || out.kind === 'wide';
  const server = serverPrint(ctx);
  const accept = human && server ? TABLE_ACCEPT : undefined;
  const found = usesFiles(ctx) ? await fromFiles(ctx, s, accept) : await fromArgs(ctx, s, accept);
  const printer = new WatchPrinter(ctx, { out, human, serverPrint: server, allNamespaces: s.allNamespaces, resource: found.resource });
  const events = ctx.bool('output-watch-events');
  printer.output = !ctx.bool('watch-only');
  try {
    for (const obj of found.objects) printer.print(obj, events ? 'ADDED' : undefined);
  } catch (err) {
    // what the printer wrote before failing stays in the tabwriter, never flushed
    throw new Error(`unable to output the provided object: ${(err as Error).message}`);
  }
  ctx.io.stdout.write(printer.flush());
  // a list's watch sends no synthetic ADDED events; one object's does, and it was printed
  printer.output = found.isList;
  if (found.watch instanceof Error) throw found.watch;
  const client = await ctx.factory.client();
  let failed = false;
  const w = client.watchPath(found.watch(found.resourceVersion), (e: WatchEvent<Obj>) => {
    if (failed) return;
    try {
      printer.print(e.object, events ? e.type : undefined);
    } catch {
      // UntilWithoutRetry stops on the printer's error, and watch() does not return it
      failed = true;
      w.stop();
      return;
    }
    ctx.io.stdout.write(printer.flush());
    printer.output = true;
  }, accept);
  const err = await w.done;
  if (err && !failed) throw err;
  // client-go's StreamWatcher logs the read that the deadline failed (a timeout: V(5)); Go's
  // wording depends on which of its goroutines sees the deadline first, this is one of the three
  if (w.cutByDeadline) ctx.factory.klog.info(5, 'streamwatcher.go:114', `Unable to decode an event from the watch stream: ${new DeadlineError(true).message}`);
  return 0;
}
