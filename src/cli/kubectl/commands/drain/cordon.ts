// RunCordonOrUncordon: each node's spec.unschedulable set (or cleared) with a strategic merge
// patch unless it already is — `node/<name> cordoned` / `already cordoned` (and the uncordon
// words), the dry-run suffix, `error: unable to cordon node "x": …` when the patch fails.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { requestJson } from '../../resource/request.js';
import { writeQuery, type DryRun } from '../mutate/dry-run.js';
import type { Info } from '../mutate/info.js';
import { reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import { builderEnv } from '../mutate/env.js';
import { rec } from '../workload/json-values.js';
import { TypedPrinter } from '../workload/print.js';

/** The nodes named, or those -l selects, through the builder (nodes only, chunkSize at a time), as drain and cordon find them. */
export async function findNodes(ctx: Ctx, namespace: string, selector: string, chunkSize: number): Promise<Info[]> {
  const b = new Builder(builderEnv(ctx)).withScheme().namespaceParam(namespace).defaultNamespace().requestChunksOf(chunkSize)
    .resourceNames('nodes', ...ctx.args).singleResourceType();
  if (selector !== '') b.labelSelectorParam(selector).resourceTypes('nodes');
  const result = await b.do();
  if (result.err) throw reportable(result.err);
  const nodes: Info[] = [];
  const err = await result.visit(async (info) => {
    const r = info.mapping!;
    if (r.group !== '' || r.resource !== 'nodes') throw new Error(`error: expected resource of type node, got "${r.group}/${r.version}, Resource=${r.resource}"`);
    nodes.push(info);
  });
  if (err) throw reportable(err);
  return nodes;
}

function print(ctx: Ctx, dryRun: DryRun, operation: string, obj: Obj): void {
  TypedPrinter.of(ctx, dryRun, operation).print(ctx, obj);
}

export async function cordonOrUncordon(ctx: Ctx, client: RestClient, nodes: Info[], desired: boolean, dryRun: DryRun): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const info of nodes) {
    const node = info.object as Obj;
    if (info.mapping?.kind !== 'Node') {
      print(ctx, dryRun, 'skipped', node);
      continue;
    }
    if ((rec(node.spec).unschedulable === true) === desired) {
      print(ctx, dryRun, `already ${verb}ed`, node);
      continue;
    }
    if (dryRun !== 'client') {
      const body = `{"spec":{"unschedulable":${desired ? 'true' : 'null'}}}`;
      const path = `/api/v1/nodes/${encodeURIComponent(info.name)}${writeQuery({ dryRun: dryRun === 'server' })}`;
      try {
        await requestJson(client, 'PATCH', path, { body, contentType: 'application/strategic-merge-patch+json' });
      } catch (err) {
        ctx.io.stderr.write(`error: unable to ${verb} node ${JSON.stringify(info.name)}: ${(err as Error).message}\n`);
        continue;
      }
    }
    print(ctx, dryRun, `${verb}ed`, node);
  }
}
