// kubectl apply view-last-applied: the last-applied-configuration annotation of each object,
// as YAML (the default) or as the annotation's JSON re-indented by two spaces.
import { toKubectlYaml } from '../../../../printers/yaml.js';
import type { Ctx } from '../../context.js';
import { reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import { builderEnv } from '../mutate/env.js';
import { goJsonIndent } from './json-indent.js';
import { originalConfiguration } from './last-applied.js';

export async function run(ctx: Ctx): Promise<number> {
  const { namespace, explicit } = await ctx.factory.namespace();
  const result = await new Builder(builderEnv(ctx))
    .namespaceParam(namespace).defaultNamespace()
    .filenameParam(explicit, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') })
    .resourceTypeOrNameArgs(explicit, ...ctx.args)
    .selectAllParam(ctx.bool('all'))
    .labelSelectorParam(ctx.str('selector'))
    .latest()
    .do();
  if (result.err) throw reportable(result.err);
  const configs: string[] = [];
  const err = await result.visit(async (info) => {
    const config = originalConfiguration(info.object!);
    if (config !== undefined) configs.push(config);
    else if (info.source) throw new Error(`error when no last-applied-configuration annotation found on resource: ${info.name}\n ${JSON.stringify(info.source)}: <nil>`);
  });
  if (err) throw reportable(err);
  const output = ctx.str('output');
  for (const config of configs) {
    if (output === 'json') ctx.io.stdout.write(goJsonIndent(config, '  '));
    else if (output === 'yaml') ctx.io.stdout.write(toKubectlYaml(JSON.parse(config)));
    else throw ctx.usageError(`Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
  }
  return 0;
}
