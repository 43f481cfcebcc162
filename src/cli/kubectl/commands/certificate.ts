// kubectl certificate approve|deny NAME…: adds the Approved/Denied condition through the
// approval subresource. Already in that state: reported again unless --force re-sends it; in
// the opposite state: an error.
import type { Ctx } from '../context.js';
import { AggregateError } from '../errors.js';
import { requestJson } from '../resource/request.js';

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

async function decide(ctx: Ctx, name: string, type: 'Approved' | 'Denied'): Promise<void> {
  const client = await ctx.factory.client();
  const path = `${BASE}/${encodeURIComponent(name)}`;
  const csr = await requestJson<Csr>(client, 'GET', path);
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
  if (ctx.args.length === 0) throw new Error('one or more CSRs must be specified as <name> or -f <filename>');
  const errors: Error[] = [];
  for (const name of ctx.args) {
    try {
      await decide(ctx, name, type);
    } catch (err) {
      errors.push(err as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}
