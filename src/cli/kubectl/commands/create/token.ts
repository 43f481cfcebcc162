// kubectl create token SERVICE_ACCOUNT_NAME [--audience] [--duration] [--bound-object-*]: a
// TokenRequest on the service account; the token alone (a newline only on a terminal) unless -o.
import type { Ctx } from '../../context.js';
import { nameFromArgs, printerFor, type CreateSetup } from './options.js';
import { printObject } from './print.js';
import { postObject, printable } from './submit.js';

const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };
const KINDS_TEXT = Object.keys(BOUND_KINDS).sort().join(', ');

function validate(ctx: Ctx, name: string, namespace: string): void {
  const duration = ctx.int('duration');
  const [kind, objName, uid] = [ctx.str('bound-object-kind'), ctx.str('bound-object-name'), ctx.str('bound-object-uid')];
  if (name === '') throw new Error('service account name is required');
  if (namespace === '') throw new Error('--namespace is required');
  if (duration < 0) throw new Error('--duration must be greater than or equal to 0');
  if (duration % 1000 !== 0) throw new Error('--duration cannot be expressed in units less than seconds');
  if (ctx.list('audience').includes('')) throw new Error('--audience must not be an empty string');
  if (kind === '') {
    if (objName !== '') throw new Error('--bound-object-name can only be set if --bound-object-kind is provided');
    if (uid !== '') throw new Error('--bound-object-uid can only be set if --bound-object-kind is provided');
    return;
  }
  if (BOUND_KINDS[kind] === undefined) throw new Error(`supported --bound-object-kind values are ${KINDS_TEXT}`);
  if (objName === '') throw new Error('--bound-object-name is required if --bound-object-kind is provided');
}

function tokenRequest(ctx: Ctx): Record<string, unknown> {
  const kind = ctx.str('bound-object-kind');
  const duration = ctx.int('duration');
  const spec: Record<string, unknown> = { audiences: ctx.list('audience') };
  if (duration > 0) spec.expirationSeconds = duration / 1000;
  if (kind !== '') {
    spec.boundObjectRef = { kind, apiVersion: BOUND_KINDS[kind], name: ctx.str('bound-object-name'), uid: ctx.str('bound-object-uid') };
  }
  return { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec };
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const { namespace } = await ctx.factory.namespace();
  const printer = printerFor(ctx, 'none');
  validate(ctx, name, namespace);
  const s: CreateSetup = { namespace, explicitNs: true, dryRun: 'none', printer, validation: '', fieldManager: '', saveConfig: false };
  const ep = { group: '', version: 'v1', resource: `serviceaccounts/${encodeURIComponent(name)}/token`, namespaced: true };
  const body = { ...tokenRequest(ctx), metadata: {} };
  const response = await postObject(ctx, s, ep, body as never, { failPrefix: 'failed to create token: ' });
  const token = (response.status as { token?: string } | undefined)?.token ?? '';
  if (token === '') throw new Error('failed to create token: no token in server response');
  if (ctx.changed('output')) {
    printObject(ctx.io.stdout, printer, printable(response));
    return 0;
  }
  const tty = (ctx.io.stdout as { isTTY?: boolean }).isTTY === true;
  ctx.io.stdout.write(tty ? `${token}\n` : token);
  return 0;
}
