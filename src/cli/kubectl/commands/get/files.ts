// `get -f/-k`: what the builder reads from files, each object read again from the server
// (Latest) — as a Table for human output (TransformRequests' Accept) — with ContinueOnError's
// errors, NotFound dropped with --ignore-not-found.
import type { Table } from '../../../../printers/table.js';
import type { Ctx } from '../../context.js';
import type { OutputFormat } from '../../output/format.js';
import { TABLE_ACCEPT } from '../../resource/request.js';
import { Aggregate, reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import { builderEnv } from '../mutate/env.js';
import { isNotFoundError, type Info } from '../mutate/info.js';
import { clientTable, type FetchedTable, type GetScope } from './fetch.js';
import { printGeneric, printHuman } from './print.js';
import { serverPrint } from './server-print.js';

export interface FileInfos {
  infos: Info[];
  error?: Error;
  singleItemImplied: boolean;
  /** how many paths the builder visits (a directory counts once per file in it) */
  sources: number;
}

/** GetOptions.Run's builder over -f/-k; `watch` is the watch's (no ContinueOnError, one type). */
export async function fileInfos(ctx: Ctx, s: GetScope, accept: string | undefined, watch = false): Promise<FileInfos> {
  // with --sort-by the Tables carry whole objects (TransformRequests' includeObject)
  const includeObject = !watch && accept !== undefined && ctx.str('sort-by') !== '' ? 'Object' : undefined;
  const { explicit } = await ctx.factory.namespace();
  const b = new Builder(builderEnv(ctx))
    .namespaceParam(s.namespace).defaultNamespace().allNamespaces(s.allNamespaces)
    .filenameParam(explicit && !s.allNamespaces, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') })
    .labelSelectorParam(s.labelSelector)
    .fieldSelectorParam(s.fieldSelector)
    .subresource(watch ? '' : s.subresource)
    .requestChunksOf(s.chunkSize)
    .resourceTypeOrNameArgs(true, ...ctx.args)
    .latest()
    .transformRequests(accept, includeObject);
  if (watch) b.singleResourceType();
  else b.continueOnError();
  const r = await b.do();
  if (r.err) throw r.err;
  if (!watch && ctx.bool('ignore-not-found')) r.ignoreErrors(isNotFoundError);
  const { infos, error } = await r.infos();
  const sources = b.p.files?.sources.length ?? 0;
  return { infos, singleItemImplied: r.singleItemImplied, sources, ...(error ? { error } : {}) };
}

/** multipleGVKsRequested */
export const multipleKinds = (infos: Info[]): boolean => new Set(infos.map((i) => i.mapping)).size > 1;

/** Get -f/-k: print the objects (human: a Table each) and then the errors. */
export async function runFiles(ctx: Ctx, scope: GetScope, out: OutputFormat, human: boolean): Promise<number> {
  const server = serverPrint(ctx);
  const got = await fileInfos(ctx, scope, human && server ? TABLE_ACCEPT : undefined);
  if (!human) {
    // an error with one file of one object asked for is all that is printed
    if (got.error && got.singleItemImplied) throw reportable(got.error);
    printGeneric(ctx, got.infos.map((i) => i.object!), [], got.singleItemImplied && got.infos.length === 1, out);
  } else {
    const now = Date.now();
    const tables: FetchedTable[] = got.infos.map((info) => ({
      resource: info.mapping!,
      table: server ? (info.object as unknown as Table) : clientTable([info.object!], now),
      source: info.object,
    }));
    printHuman(ctx, tables, { scope, out, namespaced: got.infos.map((i) => i.mapping?.namespaced ?? false), showKind: multipleKinds(got.infos), failed: got.error !== undefined });
  }
  // Infos' error is kept in one more aggregate, which kubectl's checkErr unwraps once
  if (got.error) throw reportable(new Aggregate([got.error]));
  return 0;
}
