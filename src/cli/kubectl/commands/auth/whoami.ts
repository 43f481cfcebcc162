// kubectl auth whoami: the SelfSubjectReview of the current credentials, as a table or -o json/yaml.
import { alignRows } from '../../../../printers/table.js';
import type { Obj } from '../../../../client/types.js';
import { parseOutput, resolveObjectOutput } from '../../output/format.js';
import { printObjects } from '../../output/objects.js';
import type { Ctx } from '../../context.js';
import { requestJson } from '../../resource/request.js';

interface UserInfo { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> }

function table(u: UserInfo): string {
  const rows = [['ATTRIBUTE', 'VALUE']];
  if (u.username) rows.push(['Username', u.username]);
  if (u.uid) rows.push(['UID', u.uid]);
  if (u.groups?.length) rows.push(['Groups', `[${u.groups.join(' ')}]`]);
  for (const k of Object.keys(u.extra ?? {}).sort()) rows.push([`Extra: ${k}`, `[${(u.extra![k] ?? []).join(' ')}]`]);
  return alignRows(rows);
}

export async function run(ctx: Ctx): Promise<number> {
  // only a non-empty -o asks PrintFlags for a printer; --template alone keeps the table
  const out = ctx.str('output') === '' ? parseOutput('', 'object') : resolveObjectOutput(ctx.str('output'), ctx.str('template'), true);
  const client = await ctx.factory.client();
  const review = await requestJson<{ status?: { userInfo?: UserInfo } }>(client, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
    body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: {} } },
  });
  const shown = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: review.status ?? {} };
  if (out.kind === 'table') ctx.io.stdout.write(table(review.status?.userInfo ?? {}));
  else ctx.io.stdout.write(printObjects([shown as unknown as Obj], out, { single: true, generated: true }));
  return 0;
}
