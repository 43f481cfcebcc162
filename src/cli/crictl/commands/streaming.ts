// crictl attach and port-forward: ask the runtime for a streaming URL (Attach / PortForward); the
// simulated runtime has no streaming server, so its error is what the user sees.
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';

/** The TLS flags of the streaming commands: --tls-cert and --tls-key go together. */
export function tlsConfig(ctx: Ctx): void {
  const ca = ctx.string('tls-ca');
  const cert = ctx.string('tls-cert');
  const key = ctx.string('tls-key');
  if (ca === '' && cert === '' && key === '') return;
  if (cert === '' || key === '') {
    throw wrapError('get TLS config from flags', new Error('all two flags --tls-ca and --tls-cert are required for TLS streaming, only --tls-key is optional'));
  }
}

function checkTransport(ctx: Ctx): void {
  const t = ctx.string('transport');
  if (t !== 'spdy' && t !== 'websocket') throw new Error(`get executor: unknown transport: ${t}`);
}

export async function attach(ctx: Ctx): Promise<number | void> {
  const id = ctx.args[0] ?? '';
  if (id === '') throw new Error('ID cannot be empty');
  if (ctx.args.length !== 1) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  tlsConfig(ctx);
  try {
    const tty = ctx.bool('tty');
    await runtime.attach({ containerId: id, tty, stdin: ctx.bool('stdin'), stdout: true, stderr: !tty });
    checkTransport(ctx);
    if (tty && !ctx.bool('stdin')) throw new Error('tty=true must be specified with interactive=true');
    throw new Error('error sending request: streaming is not available from this runtime');
  } catch (err) {
    throw wrapError('attaching running container failed', err);
  }
}

export async function portForward(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length < 2) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  tlsConfig(ctx);
  const id = ctx.args[0]!;
  try {
    if (id === '') throw new Error('ID cannot be empty');
    await runtime.portForward({ podSandboxId: id, port: [] });
    checkTransport(ctx);
    throw new Error('error upgrading connection: streaming is not available from this runtime');
  } catch (err) {
    throw wrapError('port forward', err);
  }
}
