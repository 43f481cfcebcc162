// kubectl get: resolve the types, ask the server (Tables for human output, objects otherwise),
// print what was found, then the errors (NotFound for missing names) — exit 1 if any. -f/-k go
// through the resource builder (files.ts), -w/--watch-only through watch.ts.
import type { Ctx } from '../../context.js';
import { AggregateError } from '../../errors.js';
import { checkArgForms, resourceRequests, type ResourceRequest } from '../../resource/args.js';
import { mapperForArgs } from '../mutate/mapping.js';
import { resolveGetOutput, type OutputFormat } from '../../output/format.js';
import { fetchClientTables, fetchObjects, fetchTables, type GetScope } from './fetch.js';
import { ignoring, printGeneric, printHuman } from './print.js';
import { serverPrint } from './server-print.js';
import { discoveryAttempts, usesFiles, validate } from './validate.js';
import { rawRequest, rawUriError } from '../rawhttp.js';

const NO_TYPE = 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';
const NO_TYPE_USAGE = 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).';

async function scopeOf(ctx: Ctx): Promise<GetScope> {
  const { namespace } = await ctx.factory.namespace();
  return {
    namespace,
    allNamespaces: ctx.bool('all-namespaces'),
    labelSelector: ctx.str('selector'),
    fieldSelector: ctx.str('field-selector'),
    // sorting needs every object at once
    chunkSize: ctx.str('sort-by') !== '' ? 0 : ctx.int('chunk-size'),
    subresource: ctx.str('subresource'),
  };
}

async function runHuman(ctx: Ctx, requests: ResourceRequest[], scope: GetScope, out: OutputFormat): Promise<Error[]> {
  const client = await ctx.factory.client();
  const { tables, errors } = serverPrint(ctx)
    ? await fetchTables(client, requests, scope, ctx.str('sort-by') !== '')
    : await fetchClientTables(client, requests, scope, Date.now());
  const kept = ignoring(ctx, errors);
  // multipleGVKsRequested over what came back: a type whose list failed does not count
  const showKind = new Set(tables.map((t) => t.resource)).size > 1;
  printHuman(ctx, tables, { scope, out, namespaced: requests.map((r) => r.resource.namespaced), showKind, failed: kept.length > 0 });
  return kept;
}

async function runObjects(ctx: Ctx, requests: ResourceRequest[], scope: GetScope, out: OutputFormat): Promise<Error[]> {
  const client = await ctx.factory.client();
  const { objects, errors } = await fetchObjects(client, requests, scope);
  const single = requests.length === 1 && requests[0]!.names.length === 1;
  return printGeneric(ctx, objects, ignoring(ctx, errors), single, out);
}

/** -o, where --template alone means go-template and is the value of a format given bare. */
function outputFormat(ctx: Ctx): OutputFormat {
  return resolveGetOutput(ctx.str('output'), ctx.str('template'));
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

/** GetOptions.Validate's checks of the output flags. */
function validateFlags(ctx: Ctx): void {
  const output = ctx.str('output');
  if (ctx.bool('show-labels') && output !== '' && output !== 'wide') throw new Error(`--show-labels option cannot be used with ${output} printer`);
  if (ctx.bool('output-watch-events') && !ctx.bool('watch') && !ctx.bool('watch-only')) throw new Error('--output-watch-events option can only be used with --watch or --watch-only');
}

function sortWarning(ctx: Ctx): void {
  if (ctx.str('sort-by') === '') return;
  if (ctx.bool('watch')) ctx.io.stderr.write('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  else ctx.io.stderr.write('warning: --watch-only requested, --sort-by will be ignored\n');
}

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.str('raw') !== '') return rawGet(ctx, ctx.str('raw'));
  const out = outputFormat(ctx);
  const watching = ctx.bool('watch') || ctx.bool('watch-only');
  if (watching) sortWarning(ctx);
  else if (ctx.args.length === 0 && !usesFiles(ctx)) {
    ctx.io.stderr.write(NO_TYPE);
    throw ctx.usageError(NO_TYPE_USAGE);
  }
  validateFlags(ctx);
  const scope = await scopeOf(ctx);
  const human = out.kind === 'table' || out.kind === 'wide';
  // the watch and the resource builder load only for the commands that use them
  if (watching) return (await import('./watch.js')).watch(ctx, scope, out);
  if (usesFiles(ctx)) return (await import('./files.js')).runFiles(ctx, scope, out, human);
  checkArgForms(ctx.args);
  const mapper = await mapperForArgs(ctx.factory.mapper(discoveryAttempts(ctx.args)), ctx.args);
  const requests = await resourceRequests(mapper, ctx.args, (w) => ctx.io.stderr.write(w));
  validate(ctx, requests);
  const errors = human ? await runHuman(ctx, requests, scope, out) : await runObjects(ctx, requests, scope, out);
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}
