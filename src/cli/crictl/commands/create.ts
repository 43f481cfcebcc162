// crictl create, run and runp: configs from files, an optional image pull, then the CRI calls.
import type { CriClient } from '../../../client/cri/client.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { getAuth, loadContainerConfig, loadPodConfig } from './config-files.js';
import { pullImage } from './image-ops.js';

interface CreateOptions {
  podId: string;
  configPath: string;
  podConfigPath: string;
  withPull: boolean;
}

async function pullImages(ctx: Ctx, images: CriClient, config: Record<string, unknown>, podConfig: unknown): Promise<void> {
  const auth = await getAuth(ctx, ctx.string('creds'), ctx.string('auth'), ctx.string('username'));
  const spec = (config.image ?? {}) as Record<string, unknown>;
  const image = String(spec.image ?? '');
  const list = [image];
  ctx.log.info(`Pulling container image: ${image}`);
  for (const m of (config.mounts ?? []) as Record<string, unknown>[]) {
    const mi = (m.image ?? {}) as Record<string, unknown>;
    if (mi.image) {
      ctx.log.info(`Pulling image ${image} to be mounted to container path: ${String(m.containerPath ?? '')}`);
      list.push(String(mi.image));
    }
  }
  if (ctx.int('pull-timeout') < 0) throw new Error('timeout should be bigger than 0');
  for (const img of list) {
    await pullImage(images, { image: { image: img, annotations: (spec.annotations ?? {}) as Record<string, string> }, auth, sandboxConfig: podConfig as never });
  }
}

async function createContainer(ctx: Ctx, images: CriClient | null, runtime: CriClient, o: CreateOptions): Promise<string> {
  const config = await loadContainerConfig(ctx, o.configPath);
  const podConfig = o.podConfigPath !== '' ? await loadPodConfig(ctx, o.podConfigPath) : null;
  const spec = (config.image ?? {}) as Record<string, unknown>;
  if (!spec.userSpecifiedImage) config.image = { ...spec, userSpecifiedImage: spec.image ?? '' };
  if (o.withPull && images) await pullImages(ctx, images, config, podConfig);
  const r = await runtime.createContainer({ podSandboxId: o.podId, config: config as never, sandboxConfig: podConfig as never });
  return r.containerId;
}

function pullConflict(ctx: Ctx): void {
  if (ctx.bool('no-pull') && ctx.bool('with-pull')) throw new Error('conflict: no-pull and with-pull are both set');
}

export async function create(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 3) return ctx.showHelp();
  pullConflict(ctx);
  const withPull = (!ctx.bool('no-pull') && ctx.settings.pullImageOnCreate) || ctx.bool('with-pull');
  const images = withPull ? await ctx.connector.image() : null;
  const runtime = await ctx.connector.runtime(ctx.int('cancel-timeout'));
  const [podId, configPath, podConfigPath] = ctx.args as [string, string, string];
  const id = await createContainer(ctx, images, runtime, { podId, configPath, podConfigPath, withPull }).catch((err: unknown) => {
    throw wrapError('creating container', err);
  });
  ctx.out(`${id}\n`);
}

async function runPodSandbox(ctx: Ctx, runtime: CriClient, path: string): Promise<string> {
  const config = await loadPodConfig(ctx, path).catch((err: unknown) => {
    throw wrapError('load podSandboxConfig', err);
  });
  const r = await runtime.runPodSandbox({ config: config as never, runtimeHandler: ctx.string('runtime') }).catch((err: unknown) => {
    throw wrapError('run pod sandbox', err);
  });
  return r.podSandboxId;
}

export async function run(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 2) return ctx.showHelp();
  pullConflict(ctx);
  const withPull = (!ctx.settings.disablePullOnRun && !ctx.bool('no-pull')) || ctx.bool('with-pull');
  const images = withPull ? await ctx.connector.image() : null;
  const runtime = await ctx.connector.runtime(ctx.int('cancel-timeout'));
  const [configPath, podConfigPath] = ctx.args as [string, string];
  try {
    const podId = await runPodSandbox(ctx, runtime, podConfigPath);
    const id = await createContainer(ctx, images, runtime, { podId, configPath, podConfigPath, withPull }).catch((err: unknown) => {
      throw wrapError('creating container failed', err);
    });
    await runtime.startContainer({ containerId: id }).catch((err: unknown) => {
      throw wrapError(`starting the container ${JSON.stringify(id)}`, err);
    });
    ctx.out(`${id}\n`);
  } catch (err) {
    throw wrapError('running container', err);
  }
}

export async function runp(ctx: Ctx): Promise<number | void> {
  const spec = ctx.args[0] ?? '';
  if (ctx.args.length !== 1 || spec === '') return ctx.showHelp();
  const runtime = await ctx.connector.runtime(ctx.int('cancel-timeout'));
  ctx.out(`${await runPodSandbox(ctx, runtime, spec)}\n`);
}
