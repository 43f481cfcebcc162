// kubectl autoscale: an autoscaling/v1 HorizontalPodAutoscaler for each object whose resource
// has a scale subresource — scaleTargetRef from the object's mapping, --max, --min when above 0,
// --cpu-percent when not negative — created (`autoscaled`) or printed with --dry-run=client
// (`created`).
import { ApiError, type Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { openDiscovery } from '../discovery/cached-discovery.js';
import type { ApiResource } from '../discovery/mapper.js';
import { requestJson, typedError } from '../resource/request.js';
import { requireFlags } from './create/options.js';
import { withLastApplied } from './create/last-applied.js';
import { reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { dryRunStrategy, writeQuery, type DryRun } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import { filenameOptions } from './workload/filenames.js';
import type { Json } from './workload/json-values.js';
import { TypedPrinter } from './workload/print.js';
import { recordChange, warnRecord } from './workload/record.js';

const apiVersion = (r: ApiResource): string => (r.group === '' ? r.version : `${r.group}/${r.version}`);

function validate(ctx: Ctx): void {
  const max = ctx.int('max');
  const min = ctx.int('min');
  if (max < 1) throw new Error(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new Error(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
}

/** ScaleForResource over the cached discovery client: the group version must list <resource>/scale. */
async function checkScalable(ctx: Ctx, r: ApiResource): Promise<void> {
  const discovery = await openDiscovery(ctx.factory, ctx.parsed);
  const doc = await discovery.serverResourcesForGroupVersion(apiVersion(r));
  if (!doc.resources.some((x) => x.name === `${r.resource}/scale`)) {
    const gv = r.group === '' ? `/${r.version}` : `${r.group}/${r.version}`;
    throw new Error(`cannot autoscale a ${r.kind}: could not find scale subresource for ${gv}, Resource=${r.resource} in discovery information`);
  }
}

function hpaFor(ctx: Ctx, r: ApiResource, refName: string): Json {
  const spec: Json = { scaleTargetRef: { kind: r.kind, name: refName, apiVersion: apiVersion(r) } };
  if (ctx.int('min') > 0) spec.minReplicas = ctx.int('min');
  spec.maxReplicas = ctx.int('max');
  if (ctx.int('cpu-percent') >= 0) spec.targetCPUUtilizationPercentage = ctx.int('cpu-percent');
  const hpa: Json = {
    kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1',
    metadata: { name: ctx.str('name') || refName, creationTimestamp: null }, spec, status: { currentReplicas: 0, desiredReplicas: 0 },
  };
  recordChange(ctx, hpa);
  return hpa;
}

async function create(ctx: Ctx, hpa: Obj, namespace: string, dryRun: DryRun): Promise<Obj> {
  const client = await ctx.factory.client();
  const query = writeQuery({ dryRun: dryRun === 'server', fieldManager: ctx.str('field-manager') });
  // the typed clientset decodes a failure into metav1.Status, without its kind
  return requestJson<Obj>(client, 'POST', `/apis/autoscaling/v1/namespaces/${encodeURIComponent(namespace)}/horizontalpodautoscalers${query}`, { body: hpa })
    .catch((err: unknown) => { throw err instanceof ApiError ? typedError(err.status) : err; });
}

export async function run(ctx: Ctx): Promise<number> {
  warnRecord(ctx);
  requireFlags(ctx, ['max']);
  const dryRun = dryRunStrategy(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  validate(ctx);
  const result = await new Builder(builderEnv(ctx)).continueOnError().namespaceParam(namespace).defaultNamespace()
    .filenameParam(explicit, filenameOptions(ctx)).resourceTypeOrNameArgs(false, ...ctx.args).do();
  if (result.err) throw reportable(result.err);
  let count = 0;
  const err = await result.visit(async (info) => {
    await checkScalable(ctx, info.mapping!);
    const hpa = hpaFor(ctx, info.mapping!, info.name) as unknown as Obj;
    if (dryRun === 'client') {
      count++;
      TypedPrinter.of(ctx, dryRun, 'created').print(ctx, hpa);
      return;
    }
    const actual = await create(ctx, withLastApplied(hpa, ctx.bool('save-config')), namespace, dryRun);
    count++;
    TypedPrinter.of(ctx, dryRun, 'autoscaled').print(ctx, actual);
  });
  if (err) throw reportable(err);
  if (count === 0) throw new Error('no objects passed to autoscale');
  return 0;
}
