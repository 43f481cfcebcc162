// What `get` asks the server for: per requested type, the named objects one by one or the list
// (500 at a time, following `continue`), as Tables for human output or as objects otherwise.
import type { RestClient } from '../../../../client/rest.js';
import { enhanceListError, gvrString } from '../../../../client/list-error.js';
import type { Obj } from '../../../../client/types.js';
import { since } from '../../../../printers/columns/timestamps.js';
import { ageColumn, nameColumn } from '../../../../printers/columns/define.js';
import type { Table } from '../../../../printers/table.js';
import type { ApiResource } from '../../discovery/mapper.js';
import type { ResourceRequest } from '../../resource/args.js';
import { collectionPath, objectPath, query } from '../../resource/paths.js';
import { requestJson, TABLE_ACCEPT } from '../../resource/request.js';

export interface GetScope {
  namespace: string;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  chunkSize: number;
  /** --subresource: what is read of each named object ('' for the object itself) */
  subresource: string;
}

/** One of the builder's infos as get prints it: a Table, and the object the info held. */
export interface FetchedTable {
  resource: ApiResource;
  table: Table;
  /** the info's object (a list page or one object, as a Table or as it is): what --sort-by orders infos by */
  source?: unknown;
}

export interface ListBody<T> {
  metadata?: { continue?: string; resourceVersion?: string };
  items?: T[];
  rows?: Table['rows'];
  columnDefinitions?: Table['columnDefinitions'];
}

function listPath(r: ApiResource, s: GetScope, cont: string | undefined, includeObject?: string): string {
  const ns = s.allNamespaces ? undefined : s.namespace;
  // url.Values.Encode: keys in sorted order
  return collectionPath(r, ns) + query({
    continue: cont, fieldSelector: s.fieldSelector, includeObject,
    labelSelector: s.labelSelector, limit: s.chunkSize > 0 ? s.chunkSize : undefined,
  });
}

/** FollowContinue over the builder's list, --chunk-size at a time; a refused list named (EnhanceListError). */
export async function listAll<T>(client: RestClient, r: ApiResource, s: GetScope, accept: string | undefined, includeObject?: string): Promise<ListBody<T>[]> {
  const pages: ListBody<T>[] = [];
  let cont: string | undefined;
  do {
    const page = await requestJson<ListBody<T>>(client, 'GET', listPath(r, s, cont, includeObject), accept ? { accept } : {})
      .catch((err: unknown) => { throw enhanceListError(err, gvrString(r), s); });
    pages.push(page);
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return pages;
}

function apiVersionOf(r: ApiResource): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

/** A list item as UnstructuredList decodes it: apiVersion and kind from the list. */
export const typedAs = (r: ApiResource) => (o: Obj): Obj => ({ apiVersion: apiVersionOf(r), kind: r.kind, ...o });

/** Each type's list pages, or each named object, as Tables: one per info, in the builder's order. */
export async function fetchTables(client: RestClient, requests: ResourceRequest[], s: GetScope, withObjects: boolean): Promise<{ tables: FetchedTable[]; errors: Error[] }> {
  const tables: FetchedTable[] = [];
  const errors: Error[] = [];
  const includeObject = withObjects ? 'Object' : undefined;
  for (const req of requests) {
    const r = req.resource;
    if (req.names.length === 0) {
      // The builder continues on error: a list the server refuses is reported after the rest.
      const pages = await listAll<never>(client, r, s, TABLE_ACCEPT, includeObject).catch((err: Error) => { errors.push(err); return undefined; });
      let columns: Table['columnDefinitions'] = [];
      for (const page of pages ?? []) {
        columns = page.columnDefinitions ?? columns;
        tables.push({ resource: r, table: { columnDefinitions: columns, rows: page.rows ?? [] }, source: page });
      }
      continue;
    }
    for (const name of req.names) {
      try {
        const t = await requestJson<Table>(client, 'GET', objectPath(r, s.namespace, name, s.subresource || undefined) + query({ includeObject }), { accept: TABLE_ACCEPT });
        tables.push({ resource: r, table: t, source: t });
      } catch (err) {
        errors.push(err as Error);
      }
    }
  }
  return { tables, errors };
}

export async function fetchObjects(client: RestClient, requests: ResourceRequest[], s: GetScope): Promise<{ objects: Obj[]; errors: Error[] }> {
  const objects: Obj[] = [];
  const errors: Error[] = [];
  for (const req of requests) {
    const r = req.resource;
    const typed = typedAs(r);
    if (req.names.length === 0) {
      const pages = await listAll<Obj>(client, r, s, undefined).catch((err: Error) => { errors.push(err); return []; });
      for (const page of pages) objects.push(...(page.items ?? []).map(typed));
      continue;
    }
    for (const name of req.names) {
      try {
        objects.push(await requestJson<Obj>(client, 'GET', objectPath(r, s.namespace, name, s.subresource || undefined)));
      } catch (err) {
        errors.push(err as Error);
      }
    }
  }
  return { objects, errors };
}

/**
 * --server-print=false: cli-runtime's default handler over plain objects, NAME and AGE (the
 * client has no printers of its own any more).
 */
export function clientTable(objects: Obj[], now: number): Table {
  return {
    columnDefinitions: [nameColumn(), ageColumn()],
    rows: objects.map((o) => ({ cells: [o.metadata?.name ?? '', since(o.metadata?.creationTimestamp, now)], object: o })),
  };
}

/** fetchTables without server-side printing: each list page or object as the default table. */
export async function fetchClientTables(client: RestClient, requests: ResourceRequest[], s: GetScope, now: number): Promise<{ tables: FetchedTable[]; errors: Error[] }> {
  const tables: FetchedTable[] = [];
  const errors: Error[] = [];
  for (const req of requests) {
    const r = req.resource;
    if (req.names.length === 0) {
      const pages = await listAll<Obj>(client, r, s, undefined).catch((err: Error) => { errors.push(err); return []; });
      for (const page of pages) tables.push({ resource: r, table: clientTable((page.items ?? []).map(typedAs(r)), now), source: page });
      continue;
    }
    const got = await fetchObjects(client, [req], s);
    errors.push(...got.errors);
    for (const o of got.objects) tables.push({ resource: r, table: clientTable([o], now), source: o });
  }
  return { tables, errors };
}
