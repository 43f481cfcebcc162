// crictl inspect / inspectp / inspecti: status of containers, pods and images (IDs, or all that the
// filter flags list), as JSON (default), YAML, go-template or table.
import type { ContainerStatusResponse, ImageStatusResponse, PodSandboxStatusResponse } from '../../../client/cri/types.js';
import type { Ctx } from '../context.js';
import { errorText, wrapError } from '../errors.js';
import { goMap } from '../format/gomap.js';
import { goTimeString, rfc3339Nano, ZERO_TIME_RFC3339 } from '../format/gotime.js';
import { ProtoJson } from '../format/protojson.js';
import { renderStatusData, type StatusData } from '../format/status-output.js';
import { mapBlock } from '../format/table.js';
import { ago, humanSizeWithPrecision } from '../format/units.js';
import { listContainers, parseLabels } from '../runtime/containers.js';
import { imageStatus } from '../runtime/images.js';
import { listSandboxes } from '../runtime/sandboxes.js';
import { listImagesSorted } from './images.js';

/** marshalContainerStatus: protojson, times as RFC 3339, every field present (null when unset). */
export function containerStatusJson(pj: ProtoJson, r: ContainerStatusResponse): string {
  const cs = r.status;
  const m = pj.message('runtime.v1.ContainerStatus', cs);
  const state = cs?.state ?? 'CONTAINER_UNKNOWN';
  m.createdAt = rfc3339Nano(cs?.createdAt ?? '0');
  m.startedAt = state !== 'CONTAINER_CREATED' ? rfc3339Nano(cs?.startedAt ?? '0') : ZERO_TIME_RFC3339;
  const finished = state === 'CONTAINER_EXITED' || (state === 'CONTAINER_UNKNOWN' && BigInt(cs?.finishedAt || '0') > 0n);
  m.finishedAt = finished ? rfc3339Nano(cs?.finishedAt ?? '0') : ZERO_TIME_RFC3339;
  return JSON.stringify(withNulls(pj, 'runtime.v1.ContainerStatus', m));
}

function withNulls(pj: ProtoJson, type: string, m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of pj.fieldNames(type)) out[name] = m[name] ?? null;
  return out;
}

function containerTable(r: ContainerStatusResponse, verbose: boolean): string {
  const s = r.status!;
  let out = `ID: ${s.id}\n`;
  if (s.metadata) {
    if (s.metadata.name !== '') out += `Name: ${s.metadata.name}\n`;
    if (s.metadata.attempt !== 0) out += `Attempt: ${s.metadata.attempt}\n`;
  }
  out += `State: ${s.state}\nCreated: ${ago(s.createdAt)}\n`;
  if (s.state !== 'CONTAINER_CREATED') out += `Started: ${ago(s.startedAt)}\n`;
  if (s.state === 'CONTAINER_EXITED') {
    if (BigInt(s.finishedAt || '0') > 0n) out += `Finished: ${ago(s.finishedAt)}\n`;
    out += `Exit Code: ${s.exitCode}\n`;
  }
  out += mapBlock('Labels', s.labels) + mapBlock('Annotations', s.annotations);
  return verbose ? `${out}Info: ${goMap(r.info)}\n` : out;
}

function podTable(r: PodSandboxStatusResponse, verbose: boolean): string {
  const s = r.status!;
  let out = `ID: ${s.id}\n`;
  const m = s.metadata;
  if (m) {
    if (m.name !== '') out += `Name: ${m.name}\n`;
    if (m.uid !== '') out += `UID: ${m.uid}\n`;
    if (m.namespace !== '') out += `Namespace: ${m.namespace}\n`;
    out += `Attempt: ${m.attempt}\n`;
  }
  out += `Status: ${s.state}\nCreated: ${goTimeString(s.createdAt)}\n`;
  if (s.network) {
    out += `IP Addresses: ${s.network.ip}\n`;
    for (const ip of s.network.additionalIps) out += `Additional IP: ${ip.ip}\n`;
  }
  out += mapBlock('Labels', s.labels) + mapBlock('Annotations', s.annotations);
  return verbose ? `${out}Info: ${goMap(r.info)}\n` : out;
}

function imageTable(r: ImageStatusResponse, verbose: boolean): string {
  const img = r.image!;
  let out = `ID: ${img.id}\n`;
  for (const t of img.repoTags) out += `Tag: ${t}\n`;
  for (const d of img.repoDigests) out += `Digest: ${d}\n`;
  out += `Size: ${humanSizeWithPrecision(Number(img.size), 3)}\n`;
  return verbose ? `${out}Info: ${goMap(r.info)}\n` : out;
}

function outputFormat(ctx: Ctx): string {
  return ctx.string('output') || 'json';
}

function noneFound(ctx: Ctx): number {
  ctx.log.error('No IDs provided or nothing found per filter');
  return ctx.showHelp();
}

interface InspectKind<R extends { info: Record<string, string> }> {
  fetch(id: string, verbose: boolean): Promise<R>;
  /** `get <what>` wraps a failed call; `get the status of <all>` wraps the whole */
  what: string;
  all: string;
  table(r: R, verbose: boolean): string;
  json(pj: ProtoJson, r: R): string;
}

/** The status of each ID, as tables as they come or as one JSON/YAML/template rendering. */
async function inspectEach<R extends { info: Record<string, string> }>(ctx: Ctx, ids: string[], k: InspectKind<R>): Promise<void> {
  const output = outputFormat(ctx);
  const verbose = !ctx.bool('quiet');
  const pj = await ProtoJson.load();
  const statuses: StatusData[] = [];
  try {
    for (const id of ids) {
      const r = await k.fetch(id, verbose).catch((err: unknown) => {
        throw wrapError(`get ${k.what}`, err);
      });
      if (output === 'table') ctx.out(k.table(r, verbose));
      else statuses.push({ json: k.json(pj, r), info: r.info });
    }
    ctx.out(renderStatusData(statuses, output, ctx.string('template')));
  } catch (err) {
    throw wrapError(`get the status of ${k.all}`, err);
  }
}


export async function inspect(ctx: Ctx): Promise<number | void> {
  const runtime = await ctx.connector.runtime();
  let ids = ctx.args;
  if (ids.length === 0) {
    const opts = {
      nameRegexp: ctx.string('name'), podId: ctx.string('pod'), podNamespaceRegexp: ctx.string('namespace'),
      state: ctx.string('state'), latest: ctx.bool('latest'), last: ctx.int('last'), labels: parseLabels(ctx.slice('label')),
    };
    const list = await listContainers(runtime, opts).catch((err: unknown) => {
      throw wrapError('listing containers', err);
    });
    ids = list.map((c) => c.id);
  }
  if (ids.length === 0) return noneFound(ctx);
  await inspectEach(ctx, ids, {
    fetch: (id, verbose) => runtime.containerStatus({ containerId: id, verbose }), what: 'container status',
    table: containerTable, json: containerStatusJson, all: 'containers',
  });
}

function podStatusJson(pj: ProtoJson, r: PodSandboxStatusResponse): string {
  const m = pj.message('runtime.v1.PodSandboxStatus', r.status);
  m.createdAt = rfc3339Nano(r.status?.createdAt ?? '0');
  return JSON.stringify(withNulls(pj, 'runtime.v1.PodSandboxStatus', m));
}

export async function inspectp(ctx: Ctx): Promise<number | void> {
  const runtime = await ctx.connector.runtime();
  let ids = ctx.args;
  if (ids.length === 0) {
    let labels: Record<string, string>;
    try {
      labels = parseLabels(ctx.slice('label'));
    } catch (err) {
      throw wrapError('parse label string slice', err);
    }
    const opts = { nameRegexp: ctx.string('name'), podNamespaceRegexp: ctx.string('namespace'), state: ctx.string('state'), latest: ctx.bool('latest'), last: ctx.int('last'), labels };
    const list = await listSandboxes(runtime, opts).catch((err: unknown) => {
      throw wrapError('listing pod sandboxes', err);
    });
    ids = list.map((p) => p.id);
  }
  if (ids.length === 0) return noneFound(ctx);
  await inspectEach(ctx, ids, {
    fetch: (id, verbose) => runtime.podSandboxStatus({ podSandboxId: id, verbose }), what: 'pod sandbox status',
    table: podTable, json: podStatusJson, all: 'pod sandboxes',
  });
}

export async function inspecti(ctx: Ctx): Promise<number | void> {
  const images = await ctx.connector.image();
  const verbose = !ctx.bool('quiet');
  const output = outputFormat(ctx);
  let ids = ctx.args;
  if (ids.length === 0) {
    const list = await listImagesSorted(images, ctx.string('name'), ctx.slice('filter')).catch((err: unknown) => {
      throw wrapError('listing images', err);
    });
    ids = list.map((i) => i.id);
  }
  if (ids.length === 0) return noneFound(ctx);
  const pj = await ProtoJson.load();
  const statuses: StatusData[] = [];
  for (const id of ids) {
    const r = await imageStatus(images, id, verbose).catch((err: unknown) => {
      throw new Error(`image status for ${JSON.stringify(id)} request: ${errorText(err)}`);
    });
    if (!r.image) throw new Error(`no such image ${JSON.stringify(id)} present`);
    if (output === 'table') ctx.out(imageTable(r, verbose));
    else statuses.push({ json: JSON.stringify(pj.message('runtime.v1.Image', r.image)), info: r.info });
  }
  ctx.out(renderStatusData(statuses, output, ctx.string('template')));
}
