// crictl attach and port-forward: the runtime's streaming URL (Attach / PortForward), then the
// stream (as exec's) or client-go's port forwarder on localhost.
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { forwardPorts } from '../streaming/portforward.js';
import { stream, streamUrl } from '../streaming/stream.js';
import { checkTlsFlags, tlsFlags } from '../streaming/tls.js';

/** The TLS flags of the streaming commands: --tls-cert and --tls-key go together. */
export function tlsConfig(ctx: Ctx): void {
  try {
    checkTlsFlags(tlsFlags((n) => ctx.string(n)));
  } catch (err) {
    throw wrapError('get TLS config from flags', err);
  }
}

export async function attach(ctx: Ctx): Promise<number | void> {
  const id = ctx.args[0] ?? '';
  if (id === '') throw new Error('ID cannot be empty');
  if (ctx.args.length !== 1) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  tlsConfig(ctx);
  try {
    const tty = ctx.bool('tty');
    const stdin = ctx.bool('stdin');
    const r = await runtime.attach({ containerId: id, tty, stdin, stdout: true, stderr: !tty });
    const url = streamUrl(r.url);
    ctx.log.debug(`Attach URL: ${url.toString()}`);
    await stream(ctx, { url, stdin, tty });
  } catch (err) {
    throw wrapError('attaching running container failed', err);
  }
}

export async function portForward(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length < 2) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  tlsConfig(ctx);
  const id = ctx.args[0]!;
  const ports = ctx.args.slice(1);
  try {
    if (id === '') throw new Error('ID cannot be empty');
    const r = await runtime.portForward({ podSandboxId: id, port: [] });
    const url = streamUrl(r.url);
    ctx.log.debug(`PortForward URL: ${url.toString()}`);
    ctx.log.debug(`Ports to forward: [${ports.join(' ')}]`);
    await forwardPorts(ctx, url, ports);
  } catch (err) {
    throw wrapError('port forward', err);
  }
}
