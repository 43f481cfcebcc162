// `crictl create|run jsonschema` and `runp|pull jsonschema`: a JSON schema of the config messages,
// drawn from the CRI descriptors (the shape invopop/jsonschema gives: $schema, $ref, $defs).
import type { Ctx } from '../context.js';
import { goIndentedJson } from '../format/gojson.js';
import { ProtoJson } from '../format/protojson.js';

async function printSchema(ctx: Ctx, type: string): Promise<void> {
  const pj = await ProtoJson.load();
  ctx.out(`${goIndentedJson(pj.jsonSchema(type))}\n`);
}

export async function jsonschemaBoth(ctx: Ctx): Promise<number | void> {
  if (!ctx.isSet('pod') && !ctx.isSet('container')) return ctx.showHelp();
  if (ctx.isSet('pod')) await printSchema(ctx, 'PodSandboxConfig');
  if (ctx.isSet('container')) await printSchema(ctx, 'ContainerConfig');
}

export async function jsonschemaPod(ctx: Ctx): Promise<number | void> {
  await printSchema(ctx, 'PodSandboxConfig');
}
