// `kubectl explain TYPE[.field…]` (kubectl pkg/cmd/explain): the resource and field path are
// resolved through discovery, then explained from the server's OpenAPI v3 document of that
// group-version with the `plaintext` template, or from /openapi/v2 with the older printer
// (`-o plaintext-openapiv2`, or when the server has no /openapi/v3).
import type { RestClient } from '../../../client/rest.js';
import { gvrString, renderPlaintext, type Gvr, type RenderResult } from '../../../printers/explain/v3.js';
import { renderPlaintextV2 } from '../../../printers/explain/v2.js';
import type { Ctx } from '../context.js';
import { openapiV2Document, openapiV3Document, openapiV3Paths } from './explain/openapi.js';
import { isNoResourceType, splitResourceRequest, splitWithMatchingPrefix, type ExplainTarget } from './explain/resource.js';

const PLAINTEXT = 'plaintext';
const PLAINTEXT_V2 = 'plaintext-openapiv2';

interface ExplainOptions {
  arg: string;
  apiVersion: string;
  recursive: boolean;
  output: string;
}

/** Validate(): exactly one TYPE argument. */
function complete(ctx: Ctx): ExplainOptions {
  if (ctx.args.length === 0) {
    throw new Error('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  if (ctx.args.length > 1) throw new Error('We accept only this format: explain RESOURCE\n');
  return { arg: ctx.args[0]!, apiVersion: ctx.str('api-version'), recursive: ctx.bool('recursive'), output: ctx.str('output') };
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): { group: string; version: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new Error(`unexpected GroupVersion string: ${gv}`);
}

function emit(ctx: Ctx, r: RenderResult): number {
  ctx.io.stdout.write(r.text);
  if (r.error !== undefined) throw new Error(r.error);
  return 0;
}

async function explainV2(ctx: Ctx, client: RestClient, o: ExplainOptions, t: ExplainTarget): Promise<number> {
  let gvk = { group: t.resource.group, version: t.resource.version, kind: t.resource.kind };
  if (o.apiVersion !== '') gvk = { ...parseGroupVersion(o.apiVersion), kind: gvk.kind };
  const doc = await openapiV2Document(client);
  return emit(ctx, renderPlaintextV2(doc, gvk, t.fieldsPath, o.recursive));
}

async function fetchPaths(client: RestClient): Promise<Map<string, string>> {
  try {
    return await openapiV3Paths(client);
  } catch (err) {
    throw new Error(`failed to fetch list of groupVersions: ${(err as Error).message}`);
  }
}

async function explainV3(ctx: Ctx, client: RestClient, o: ExplainOptions, t: ExplainTarget, known?: Map<string, string>): Promise<number> {
  const gvr: Gvr = o.apiVersion === '' ? t.gvr : { ...t.gvr, ...parseGroupVersion(o.apiVersion) };
  const paths = known ?? await fetchPaths(client);
  const resourcePath = gvr.group === '' ? `api/${gvr.version}` : `apis/${gvr.group}/${gvr.version}`;
  const url = paths.get(resourcePath);
  if (url === undefined) throw new Error(`couldn't find resource for "${gvrString(gvr)}"`);
  let doc;
  try {
    doc = await openapiV3Document(client, url);
  } catch (err) {
    throw new Error(`failed to fetch openapi schema for ${resourcePath}: ${(err as Error).message}`);
  }
  if (o.output !== PLAINTEXT) throw new Error(`unrecognized format: ${o.output}`);
  return emit(ctx, renderPlaintext(doc, gvr, t.fieldsPath, o.recursive));
}

export async function run(ctx: Ctx): Promise<number> {
  const o = complete(ctx);
  const mapper = await ctx.factory.mapper(2);
  const warn = (w: string): void => void ctx.io.stderr.write(w);
  const split = o.apiVersion === '' ? splitWithMatchingPrefix : splitResourceRequest;
  const target = await mapper.retry((m) => split(o.arg, m.resources, warn), isNoResourceType);
  const client = await ctx.factory.client();
  if (o.output === PLAINTEXT_V2) return explainV2(ctx, client, o, target);
  if (o.output !== PLAINTEXT) return explainV3(ctx, client, o, target);
  let paths: Map<string, string>;
  try {
    paths = await openapiV3Paths(client);
  } catch {
    return explainV2(ctx, client, o, target);
  }
  return explainV3(ctx, client, o, target, paths);
}
