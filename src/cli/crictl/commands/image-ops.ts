// crictl pull and rmi.
import { isCriError, type CriClient } from '../../../client/cri/client.js';
import type { Ctx } from '../context.js';
import { errorText, wrapError } from '../errors.js';
import { aggregateGoroutines } from '../runtime/aggregate.js';
import { imageStatus } from '../runtime/images.js';
import { parseLabels } from '../runtime/containers.js';
import { getAuth, loadPodConfig } from './config-files.js';

/** cri-client's PullImage: an Unknown status error loses its `rpc error: code = Unknown desc = `. */
async function pullImage(client: CriClient, req: Parameters<CriClient['pullImage']>[0]): Promise<string> {
  try {
    const r = await client.pullImage(req);
    if (!r.imageRef) throw new Error(`imageRef of image ${JSON.stringify(req.image?.image ?? '')} is not set`);
    return r.imageRef;
  } catch (err) {
    if (isCriError(err, 'Unknown')) throw new Error(err.desc);
    throw err;
  }
}

export { pullImage };

export async function pull(ctx: Ctx): Promise<number | void> {
  const name = ctx.args[0] ?? '';
  if (name === '') throw new Error('image name cannot be empty');
  if (ctx.args.length > 1) return ctx.showHelp();
  const images = await ctx.connector.image();
  const auth = await getAuth(ctx, ctx.string('creds'), ctx.string('auth'), ctx.string('username'));
  let sandboxConfig = null;
  if (ctx.isSet('pod-config')) {
    sandboxConfig = await loadPodConfig(ctx, ctx.string('pod-config')).catch((err: unknown) => {
      throw wrapError('load podSandboxConfig', err);
    });
  }
  const annotations = ctx.isSet('annotation') ? parseLabels(ctx.slice('annotation')) : {};
  const timeout = ctx.int('pull-timeout');
  if (timeout < 0) throw wrapError('pulling image', new Error('timeout should be bigger than 0'));
  const ref = await pullImage(images, { image: { image: name, annotations }, auth, sandboxConfig }).catch((err: unknown) => {
    throw wrapError('pulling image', err);
  });
  ctx.out(`Image is up to date for ${ref}\n`);
}

async function pruneExclusions(ctx: Ctx, images: CriClient, ids: Map<string, boolean>): Promise<void> {
  const runtime = await ctx.connector.runtime();
  const containers = (await runtime.listContainers({})).containers;
  for (const c of containers) {
    const img = c.image?.image ?? '';
    try {
      const st = await imageStatus(images, img, false);
      ids.set(st.image?.id ?? '', false);
    } catch (err) {
      ctx.log.error(`image status request for ${JSON.stringify(img)} failed: ${errorText(err)}`);
    }
  }
}

function removeOne(ctx: Ctx, images: CriClient, id: string, prune: boolean): () => Promise<void> {
  return async () => {
    const status = await imageStatus(images, id, false).catch((err: unknown) => {
      throw wrapError(`image status request for ${JSON.stringify(id)} failed`, err);
    });
    if (!status.image) throw new Error(`no such image ${id}`);
    try {
      await images.removeImage({ image: { image: id } });
    } catch (err) {
      if (!prune) throw wrapError(`error of removing image ${JSON.stringify(id)}`, err);
      return;
    }
    const names = status.image.repoTags.length === 0 ? status.image.repoDigests : status.image.repoTags;
    for (const n of names) ctx.out(`Deleted: ${n}\n`);
  };
}

export async function rmi(ctx: Ctx): Promise<number | void> {
  const images = await ctx.connector.image();
  const ids = new Map<string, boolean>();
  for (const id of ctx.args) ids.set(id, true);
  const all = ctx.bool('all');
  const prune = ctx.bool('prune');
  if (all || prune) {
    for (const img of (await images.listImages({})).images) {
      if (prune && img.pinned) continue;
      ids.set(img.id, true);
    }
  }
  if (prune) await pruneExclusions(ctx, images, ids);
  if (ids.size === 0) {
    if (all || prune) return void ctx.log.info('No images to remove');
    return ctx.showHelp();
  }
  const todo = [...ids].filter(([, remove]) => remove).map(([id]) => removeOne(ctx, images, id, prune));
  await aggregateGoroutines(todo);
}
