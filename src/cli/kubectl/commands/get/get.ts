// kubectl get: resolve the types, ask the server (Tables for human output, objects otherwise),
// print what was found, then the errors (NotFound for missing names) — exit 1 if any.
import type { Ctx } from '../../context.js';
import { SortError, SortFatalError, sortObjects, sortTableRows, UnsortableError } from '../../../../printers/sort-by.js';
import { AggregateError, PrintedError } from '../../errors.js';
import { klogHeader } from '../../klog.js';
import { allowMissingKeys } from '../../output/template-errors.js';
import { resourceRequests, type ResourceRequest } from '../../resource/args.js';
import { parseOutput, type OutputFormat } from '../../output/format.js';
import { printObjects } from '../../output/objects.js';
import { fetchObjects, fetchTables, type GetScope } from './fetch.js';
import { printTables } from './human.js';
import { watchTables } from './watch.js';
import { rawRequest, rawUriError } from '../rawhttp.js';

const NO_TYPE = 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';
const NO_TYPE_USAGE = 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).';

function validate(ctx: Ctx, requests: ResourceRequest[]): void {
  const named = requests.some((r) => r.names.length > 0);
  // LabelSelectorParam/FieldSelectorParam: a blank selector is no selector
  const bySelector = ctx.str('selector').trim() !== '' || ctx.str('field-selector').trim() !== '';
  if (bySelector && requests.some((r) => r.tuples)) throw new Error('selectors and the all flag cannot be used when passing resource/name arguments');
  if (named && bySelector) throw new Error('name cannot be provided when a selector is specified');
  if (named && ctx.bool('all-namespaces')) throw new Error('a resource cannot be retrieved by name across all namespaces');
  // the builder visits anything but names by selector, which refuses a subresource
  if (ctx.str('subresource') !== '' && requests.some((r) => r.names.length === 0)) throw new Error('subresource cannot be used when bulk resources are specified');
}

async function scopeOf(ctx: Ctx): Promise<GetScope> {
  const { namespace } = await ctx.factory.namespace();
  return {
    namespace,
    allNamespaces: ctx.bool('all-namespaces'),
    labelSelector: ctx.str('selector'),
    fieldSelector: ctx.str('field-selector'),
    chunkSize: ctx.int('chunk-size'),
    subresource: ctx.str('subresource'),
  };
}

function noResourcesMessage(requests: ResourceRequest[], scope: GetScope): string {
  const allNamespaced = requests.every((r) => r.resource.namespaced);
  return allNamespaced && !scope.allNamespaces ? `No resources found in ${scope.namespace} namespace.\n` : 'No resources found\n';
}

async function runHuman(ctx: Ctx, requests: ResourceRequest[], scope: GetScope, out: OutputFormat): Promise<Error[]> {
  const client = await ctx.factory.client();
  const { tables, errors } = await fetchTables(client, requests, scope, ctx.str('sort-by') !== '');
  const text = printTables(tables, {
    wide: out.kind === 'wide',
    allNamespaces: scope.allNamespaces,
    // multipleGVKsRequested over what came back: a type whose list failed does not count
    showKind: ctx.bool('show-kind') || new Set(tables.map((t) => `${t.resource.group}/${t.resource.resource}`)).size > 1,
    showLabels: ctx.bool('show-labels'),
    labelColumns: ctx.list('label-columns'),
    noHeaders: ctx.bool('no-headers'),
    sortBy: ctx.str('sort-by'),
    sortRows: (rows, expr) => sortTableRows(rows, expr, (r) => r.object),
  });
  ctx.io.stdout.write(text);
  if (text === '' && errors.length === 0) ctx.io.stderr.write(noResourcesMessage(requests, scope));
  return errors;
}

/** kubectl drops a failed sort of Tables (nothing printed); unsortable values end through klog. */
function sortFailure(err: unknown): never | 'swallow' {
  if (err instanceof UnsortableError) {
    throw new PrintedError(`${klogHeader('F', err.source)}${err.message}`, err instanceof SortFatalError ? 255 : 1);
  }
  if (err instanceof SortError) return 'swallow';
  throw err;
}

async function runObjects(ctx: Ctx, requests: ResourceRequest[], scope: GetScope, out: OutputFormat): Promise<Error[]> {
  const client = await ctx.factory.client();
  const { objects, errors } = await fetchObjects(client, requests, scope);
  const single = requests.length === 1 && requests[0]!.names.length === 1;
  if (single && errors.length > 0) return errors;
  const sortBy = ctx.str('sort-by');
  let sorted = objects;
  try {
    if (sortBy) sorted = sortObjects(objects, sortBy);
  } catch (err) {
    if (sortFailure(err) === 'swallow') throw err;
  }
  // get's TablePrinter wraps the name printer only; what it is handed is not a Table.
  if (out.kind === 'name') ctx.factory.klog.info(2, 'table_printer.go:45', 'Unable to decode server response into a Table. Falling back to hardcoded types: attempt to decode non-Table object');
  ctx.io.stdout.write(printObjects(sorted, out, { single, noHeaders: ctx.bool('no-headers'), cwd: ctx.io.cwd, allowMissingKeys: allowMissingKeys(ctx) }));
  return errors;
}

/** -o, where --template alone means go-template and fills a template format without its own. */
function outputFormat(ctx: Ctx): OutputFormat {
  const template = ctx.str('template');
  const raw = ctx.str('output') === '' && template !== '' && !ctx.changed('output') ? 'go-template' : ctx.str('output');
  const out = parseOutput(raw, 'get');
  if (out.arg === '' && template !== '' && /^(go-template|jsonpath)/.test(out.kind)) return { ...out, arg: template };
  return out;
}

/** GetOptions' Complete and Validate for --raw: no arguments, no filtering or output flags. */
function rawGet(ctx: Ctx, raw: string): Promise<number> {
  if (ctx.args.length > 0) throw new Error('arguments may not be passed when --raw is specified');
  if (ctx.bool('watch') || ctx.bool('watch-only') || ctx.str('selector') !== '') throw new Error('--raw may not be specified with other flags that filter the server request or alter the output');
  if (ctx.str('output') !== '') throw new Error('--raw and --output are mutually exclusive');
  const bad = rawUriError(raw);
  if (bad) throw new Error(bad);
  return rawRequest(ctx, 'GET', raw);
}

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.str('raw') !== '') return rawGet(ctx, ctx.str('raw'));
  const out = outputFormat(ctx);
  if (ctx.args.length === 0 && ctx.list('filename').length === 0 && ctx.str('kustomize') === '') {
    ctx.io.stderr.write(NO_TYPE);
    throw ctx.usageError(NO_TYPE_USAGE);
  }
  const mapper = await ctx.factory.mapper();
  const requests = await resourceRequests(mapper, ctx.args, (w) => ctx.io.stderr.write(w));
  validate(ctx, requests);
  const scope = await scopeOf(ctx);
  const human = out.kind === 'table' || out.kind === 'wide';
  if (ctx.bool('watch') || ctx.bool('watch-only')) {
    if (requests.length !== 1) throw new Error(`watch is only supported on individual resources and resource collections, but ${requests.length} resources were found`);
    if (human) return watchTables(ctx, requests[0]!, scope, out.kind === 'wide');
  }
  let errors: Error[];
  try {
    errors = human ? await runHuman(ctx, requests, scope, out) : await runObjects(ctx, requests, scope, out);
  } catch (err) {
    if (!human || sortFailure(err) !== 'swallow') throw err;
    ctx.io.stderr.write(noResourcesMessage(requests, scope));
    return 0;
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}
