// crictl pods: the pod sandbox table, -q, -v blocks, -o json|yaml (top-level key "items").
import type { PodSandbox } from '../../../client/cri/types.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { goTimeString } from '../format/gotime.js';
import { mapBlock, TableDisplay, truncatedId } from '../format/table.js';
import { ago } from '../format/units.js';
import { parseLabels } from '../runtime/containers.js';
import { listSandboxes, podStateText, runtimeHandlerText } from '../runtime/sandboxes.js';
import { outputListJson } from './ps.js';

function verboseBlock(p: PodSandbox): string {
  let out = `ID: ${p.id}\n`;
  const m = p.metadata;
  if (m) {
    if (m.name !== '') out += `Name: ${m.name}\n`;
    if (m.uid !== '') out += `UID: ${m.uid}\n`;
    if (m.namespace !== '') out += `Namespace: ${m.namespace}\n`;
    if (m.attempt !== 0) out += `Attempt: ${m.attempt}\n`;
  }
  out += `Status: ${podStateText(p.state)}\nCreated: ${goTimeString(p.createdAt)}\n`;
  out += mapBlock('Labels', p.labels) + mapBlock('Annotations', p.annotations);
  return `${out}Runtime: ${runtimeHandlerText(p)}\n\n`;
}

function printPods(ctx: Ctx, pods: PodSandbox[]): void {
  const quiet = ctx.bool('quiet');
  const verbose = ctx.bool('verbose');
  const table = new TableDisplay();
  if (!verbose && !quiet) table.addRow(['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']);
  for (const p of pods) {
    if (quiet) ctx.out(`${p.id}\n`);
    else if (verbose) ctx.out(verboseBlock(p));
    else {
      const id = ctx.bool('no-trunc') ? p.id : truncatedId(p.id);
      const m = p.metadata;
      table.addRow([id, ago(p.createdAt), podStateText(p.state), m?.name ?? '', m?.namespace ?? '', String(m?.attempt ?? 0), runtimeHandlerText(p)]);
    }
  }
  ctx.out(table.render());
}

export async function pods(ctx: Ctx): Promise<number | void> {
  const runtime = await ctx.connector.runtime();
  const opts = {
    id: ctx.string('id'),
    state: ctx.string('state'),
    nameRegexp: ctx.string('name'),
    podNamespaceRegexp: ctx.string('namespace'),
    latest: ctx.bool('latest'),
    last: ctx.int('last'),
    labels: parseLabels(ctx.slice('label')),
  };
  try {
    const list = await listSandboxes(runtime, opts).catch((err: unknown) => {
      throw wrapError('list pod sandboxes', err);
    });
    const output = ctx.string('output');
    if (output === 'json' || output === 'yaml') return void (await outputListJson(ctx, 'runtime.v1.ListPodSandboxResponse', { items: list }, output));
    if (output !== 'table') throw new Error(`unsupported output format ${JSON.stringify(output)}`);
    printPods(ctx, list);
  } catch (err) {
    throw wrapError('listing pod sandboxes', err);
  }
}
