// crictl version, info, imagefsinfo, runtime-config and update-runtime-config.
import type { FilesystemUsage, ImageFsInfoResponse, RuntimeHandler } from '../../../client/cri/types.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { ProtoJson } from '../format/protojson.js';
import { renderStatusData } from '../format/status-output.js';
import { humanSize } from '../format/units.js';
import { tabwrite } from '../../../printers/tabwriter.js';

export async function version(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 0) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  const r = await runtime.version({ version: 'v1' }).catch((err: unknown) => {
    throw wrapError('getting the runtime version', err);
  });
  ctx.out(`Version:  ${r.version}\nRuntimeName:  ${r.runtimeName}\nRuntimeVersion:  ${r.runtimeVersion}\nRuntimeApiVersion:  ${r.runtimeApiVersion}\n`);
}

/** json.Marshal of []*RuntimeHandler with its Go struct tags (snake_case, omitempty). */
function handlersJson(handlers: RuntimeHandler[]): string {
  if (handlers.length === 0) return 'null';
  return JSON.stringify(
    handlers.map((h) => {
      const out: Record<string, unknown> = {};
      if (h.name !== '') out.name = h.name;
      if (h.features) {
        const f: Record<string, boolean> = {};
        if (h.features.recursiveReadOnlyMounts) f.recursive_read_only_mounts = true;
        if (h.features.userNamespaces) f.user_namespaces = true;
        out.features = f;
      }
      return out;
    }),
  );
}

export async function info(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 0) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  try {
    const r = await runtime.status({ verbose: !ctx.bool('quiet') });
    const pj = await ProtoJson.load();
    const json = JSON.stringify(pj.message('runtime.v1.RuntimeStatus', r.status));
    ctx.out(renderStatusData([{ json, runtimeHandlers: handlersJson(r.runtimeHandlers ?? []), info: r.info }], ctx.string('output'), ctx.string('template')));
  } catch (err) {
    throw wrapError('getting status of runtime', err);
  }
}

function fsTable(label: string, list: FilesystemUsage[]): string {
  let out = `${label} Filesystem \n`;
  list.forEach((v, i) => {
    out += `TimeStamp[${i}]: ${v.timestamp}\nDisk[${i}]: ${humanSize(Number(v.usedBytes?.value ?? 0))}\n`;
    out += `Inodes[${i}]: ${v.inodesUsed?.value ?? 0}\nMountpoint[${i}]: ${v.fsId?.mountpoint ?? ''}\n`;
  });
  return out;
}

export async function imagefsinfo(ctx: Ctx): Promise<number | void> {
  const images = await ctx.connector.image();
  const output = ctx.string('output') || 'json';
  const r: ImageFsInfoResponse = await images.imageFsInfo({}).catch((err: unknown) => {
    throw wrapError('image filesystem info request', err);
  });
  if (output === 'table') {
    ctx.out(fsTable('Container', r.containerFilesystems) + fsTable('Image', r.imageFilesystems));
    return;
  }
  const pj = await ProtoJson.load();
  ctx.out(renderStatusData([{ json: JSON.stringify(pj.message('runtime.v1.ImageFsInfoResponse', r)) }], output, ctx.string('template')));
}

export async function runtimeConfig(ctx: Ctx): Promise<number | void> {
  const runtime = await ctx.connector.runtime().catch((err: unknown) => {
    throw wrapError('get runtime client', err);
  });
  try {
    const r = await runtime.runtimeConfig({}).catch((err: unknown) => {
      throw wrapError('call RuntimeConfig RPC', err);
    });
    if (r.linux) ctx.out(tabwrite(`cgroup driver:\t${r.linux.cgroupDriver}\n`, { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ' }));
  } catch (err) {
    throw wrapError('get runtime config', err);
  }
}

export async function updateRuntimeConfig(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 0 || ctx.numFlags() === 0) return ctx.showHelp();
  const config = ctx.isSet('pod-cidr') ? { networkConfig: { podCidr: ctx.string('pod-cidr') } } : {};
  const runtime = await ctx.connector.runtime();
  await runtime.updateRuntimeConfig({ runtimeConfig: config }).catch((err: unknown) => {
    throw wrapError('update runtime config', err);
  });
  ctx.log.info('Runtime config successfully updated');
}
