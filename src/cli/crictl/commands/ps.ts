// crictl ps: the container table (9 columns in v1.32), -q, -v blocks, -o json|yaml.
import type { CriClient } from '../../../client/cri/client.js';
import type { Container } from '../../../client/cri/types.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { ProtoJson } from '../format/protojson.js';
import { protoJsonText } from '../format/gojson.js';
import { toKubectlYaml } from '../../../printers/yaml.js';
import { ago } from '../format/units.js';
import { mapBlock, TableDisplay, truncatedId } from '../format/table.js';
import { listContainers, parseLabels, podNameOf, podNamespaceOf, type ContainerListOptions } from '../runtime/containers.js';
import { matchesImage, repoImage } from '../runtime/images.js';

const STATE_TEXT: Record<string, string> = {
  CONTAINER_CREATED: 'Created',
  CONTAINER_RUNNING: 'Running',
  CONTAINER_EXITED: 'Exited',
  CONTAINER_UNKNOWN: 'Unknown',
};

export function containerStateText(state: string): string {
  return STATE_TEXT[state] ?? 'Unknown';
}

interface PsOptions {
  quiet: boolean;
  verbose: boolean;
  noTrunc: boolean;
  resolveImagePath: boolean;
  image: string;
}

function digestImage(image: string): string {
  const m = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/.exec(image);
  if (m && m[1] === 'sha256' && /^[a-f0-9]{64}$/.test(m[2]!)) return truncatedId(image, 'sha256:');
  return image;
}

async function tableRow(c: Container, o: PsOptions, images: CriClient): Promise<string[]> {
  let image = c.image?.image ?? '';
  let id = c.id;
  let podId = c.podSandboxId;
  if (!o.noTrunc) {
    id = truncatedId(id);
    podId = truncatedId(podId);
    image = digestImage(image);
  }
  if (o.resolveImagePath) image = await repoImage(images, image);
  const attempt = String(c.metadata?.attempt ?? 0);
  return [id, image, ago(c.createdAt), containerStateText(c.state), c.metadata?.name ?? '', attempt, podId, podNameOf(c.labels), podNamespaceOf(c.labels)];
}

function verboseBlock(c: Container): string {
  let out = `ID: ${c.id}\nPodID: ${c.podSandboxId}\nNamespace: ${podNamespaceOf(c.labels)}\n`;
  if (c.metadata) {
    if (c.metadata.name !== '') out += `Name: ${c.metadata.name}\n`;
    out += `Attempt: ${c.metadata.attempt}\n`;
  }
  out += `State: ${containerStateText(c.state)}\n`;
  if (c.image) out += `Image: ${c.image.image}\n`;
  out += `Created: ${ago(c.createdAt)}\n`;
  return `${out}${mapBlock('Labels', c.labels)}${mapBlock('Annotations', c.annotations)}\n`;
}

async function outputContainers(ctx: Ctx, list: Container[], o: PsOptions, images: CriClient): Promise<void> {
  const table = new TableDisplay();
  if (!o.verbose && !o.quiet) table.addRow(['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']);
  for (const c of list) {
    if (!(await matchesImage(images, o.image, c.image?.image ?? ''))) continue;
    if (o.quiet) ctx.out(`${c.id}\n`);
    else if (o.verbose) ctx.out(verboseBlock(c));
    else table.addRow(await tableRow(c, o, images));
  }
  ctx.out(table.render());
}

/** ps -o json|yaml: the ListContainersResponse as protojson. */
export async function outputListJson(ctx: Ctx, typeName: string, msg: unknown, format: string): Promise<void> {
  const value = (await ProtoJson.load()).message(typeName, msg);
  const text = protoJsonText(value);
  ctx.out(format === 'yaml' ? `${toKubectlYaml(JSON.parse(text))}\n` : `${text}\n`);
}

function listOptions(ctx: Ctx): ContainerListOptions {
  return {
    id: ctx.string('id'),
    podId: ctx.string('pod'),
    podNamespaceRegexp: ctx.string('namespace'),
    state: ctx.string('state'),
    all: ctx.bool('all'),
    nameRegexp: ctx.string('name'),
    latest: ctx.bool('latest'),
    last: ctx.int('last'),
    labels: parseLabels(ctx.slice('label')),
  };
}

export async function ps(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 0) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  const images = await ctx.connector.image();
  const opts = listOptions(ctx);
  const output = ctx.string('output');
  try {
    const list = await listContainers(runtime, opts).catch((err: unknown) => {
      throw wrapError('list containers', err);
    });
    if (output === 'json' || output === 'yaml') return void (await outputListJson(ctx, 'runtime.v1.ListContainersResponse', { containers: list }, output));
    if (output !== 'table') throw new Error(`unsupported output format ${JSON.stringify(output)}`);
    const o = { quiet: ctx.bool('quiet'), verbose: ctx.bool('verbose'), noTrunc: ctx.bool('no-trunc'), resolveImagePath: ctx.bool('resolve-image-path'), image: ctx.string('image') };
    await outputContainers(ctx, list, o, images);
  } catch (err) {
    throw wrapError('listing containers', err);
  }
}
