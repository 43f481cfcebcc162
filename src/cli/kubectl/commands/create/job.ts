// kubectl create job NAME --image=image [-- COMMAND args] | --from=cronjob/NAME: restartPolicy
// Never; --from copies the cronjob's job template (fetched by the builder WithScheme, even with
// --dry-run=client) and makes the cronjob its controller.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { builderEnv } from '../mutate/env.js';
import { Builder } from '../mutate/builder.js';
import { goTypeName } from './go-typed.js';
import { completeCreate, nameFromArgs, type CreateSetup } from './options.js';
import { finishCreate } from './submit.js';

const INSTANTIATE = 'cronjob.kubernetes.io/instantiate';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

function withNamespace(s: CreateSetup): { namespace?: string } {
  return s.explicitNs ? { namespace: s.namespace } : {};
}

function jobFromImage(name: string, image: string, command: string[], s: CreateSetup): Obj {
  const container = { name, image, ...(command.length > 0 ? { command } : {}) };
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name, ...withNamespace(s) },
    spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } },
  };
}

/** The builder WithScheme, ResourceTypeOrNameArgs(false, from), Latest: one object, fetched. */
async function fetchFrom(ctx: Ctx, from: string, namespace: string): Promise<Obj> {
  const result = await new Builder(builderEnv(ctx)).withScheme().namespaceParam(namespace).defaultNamespace()
    .resourceTypeOrNameArgs(false, from).latest().do();
  const { infos, error } = await result.infos();
  if (error) throw error;
  if (infos.length !== 1 || infos[0]!.object === undefined) throw new Error('from must be an existing cronjob');
  return infos[0]!.object;
}

export function jobFromCronJob(name: string, cronJob: Obj, s: CreateSetup): Obj {
  const template = rec(rec(cronJob.spec).jobTemplate);
  const meta = rec(template.metadata);
  const annotations = { [INSTANTIATE]: 'manual', ...(rec(meta.annotations) as Record<string, string>) };
  const owner = { apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name ?? '', uid: cronJob.metadata.uid ?? '', controller: true };
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, ...withNamespace(s), annotations, labels: meta.labels as Record<string, string> | undefined, ownerReferences: [owner] },
    spec: template.spec,
  };
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const command = ctx.args.slice(1);
  const s = await completeCreate(ctx);
  const [image, from] = [ctx.str('image'), ctx.str('from')];
  if ((image === '') === (from === '')) throw new Error('either --image or --from must be specified');
  if (command.length > 0 && from !== '') throw new Error('cannot specify --from and command');
  let job: Obj;
  if (image !== '') job = jobFromImage(name, image, command, s);
  else {
    const source = await fetchFrom(ctx, from, s.namespace);
    if (source.kind !== 'CronJob' || source.apiVersion !== 'batch/v1') throw new Error(`unknown object type ${goTypeName(source.apiVersion ?? '', source.kind ?? '')}`);
    job = jobFromCronJob(name, source, s);
  }
  return finishCreate(ctx, s, { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true }, job, { failPrefix: 'failed to create job: ' });
}
