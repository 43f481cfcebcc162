// kubectl certificate approve|deny (NAME… | -f FILE): adds the Approved/Denied condition through
// the approval subresource, for each CSR the builder reads (names and files, Latest). Already in
// that state: reported again unless --force re-sends it; in the opposite state: an error.
import type { Ctx } from '../context.js';
import { requestJson } from '../resource/request.js';
import { Builder } from './mutate/builder.js';
import { reportable } from './mutate/aggregate.js';
import { builderEnv } from './mutate/env.js';

const BASE = '/apis/certificates.k8s.io/v1/certificatesigningrequests';

interface Condition { type: string; status: string; reason?: string; message?: string; lastUpdateTime?: string }
interface Csr { metadata: { name?: string }; status?: { conditions?: Condition[] } }

function condition(type: 'Approved' | 'Denied'): Condition {
  const verb = type === 'Approved' ? 'approve' : 'deny';
  return {
    type, status: 'True', reason: type === 'Approved' ? 'KubectlApprove' : 'KubectlDeny',
    message: `This CSR was ${type === 'Approved' ? 'approved' : 'denied'} by kubectl certificate ${verb}.`,
    lastUpdateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

async function decide(ctx: Ctx, csr: Csr, type: 'Approved' | 'Denied'): Promise<void> {
  const client = await ctx.factory.client();
  const name = csr.metadata.name ?? '';
  const path = `${BASE}/${encodeURIComponent(name)}`;
  const conditions = csr.status?.conditions ?? [];
  const other = conditions.find((c) => (c.type === 'Approved' || c.type === 'Denied') && c.type !== type);
  if (other) throw new Error(`certificate signing request ${JSON.stringify(name)} is already ${other.type}`);
  if (!conditions.some((c) => c.type === type) || ctx.bool('force')) {
    const updated = { ...csr, status: { ...(csr.status ?? {}), conditions: [...conditions, condition(type)] } };
    await requestJson<Csr>(client, 'PUT', `${path}/approval`, { body: updated });
  }
  ctx.io.stdout.write(`certificatesigningrequest.certificates.k8s.io/${name} ${type === 'Approved' ? 'approved' : 'denied'}\n`);
}

export async function run(ctx: Ctx): Promise<number> {
  const type = ctx.spec.path[1] === 'deny' ? 'Denied' : 'Approved';
  const files = { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') };
  if (ctx.args.length === 0 && files.filenames.length === 0 && files.kustomize === '') throw new Error('one or more CSRs must be specified as <name> or -f <filename>');
  const result = await new Builder(builderEnv(ctx)).continueOnError().filenameParam(false, files)
    .resourceNames('certificatesigningrequests', ...ctx.args).latest().do();
  if (result.err) throw reportable(result.err);
  // each CSR as it is read; the errors of reading and of deciding in the order they came
  const error = await result.visit((info) => decide(ctx, info.object as Csr, type));
  if (error) throw reportable(error);
  return 0;
}
