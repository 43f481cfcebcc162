// componentstatuses (deprecated, still served): the health of the scheduler, the controller-manager
// and etcd, as the apiserver probes them. Components report through ServerContext.components.
import type { Call, ComponentHealth } from './server-context.js';
import { writeJson } from './respond.js';
import { toTable, wantsTable } from './table.js';
import { methodNotSupported, notFound } from '../errors.js';


const WARNING = 'v1 ComponentStatus is deprecated in v1.19+';

function toObject(h: ComponentHealth): Record<string, unknown> {
  const cond: Record<string, unknown> = { type: 'Healthy', status: h.healthy ? 'True' : 'False' };
  if (h.message) cond.message = h.message;
  if (h.error) cond.error = h.error;
  return { kind: 'ComponentStatus', apiVersion: 'v1', metadata: { name: h.name }, conditions: [cond] };
}

export async function serveComponentStatus(c: Call): Promise<void> {
  const all = await c.s.components();
  if (c.info.verb === 'get') {
    const one = all.find((h) => h.name === c.info.name);
    if (!one) throw notFound({ group: '', resource: 'componentstatuses' }, c.info.name);
    return respond(c, toObject(one));
  }
  if (c.info.verb !== 'list') throw methodNotSupported({ group: '', resource: 'componentstatuses' }, c.info.verb);
  respond(c, { kind: 'ComponentStatusList', apiVersion: 'v1', metadata: {}, items: all.map(toObject) });
}

function respond(c: Call, body: Record<string, unknown>): void {
  if (wantsTable(c.req.headers.accept)) {
    const items = (body.items as Record<string, unknown>[] | undefined) ?? [body];
    writeJson(c.res, 200, toTable(c.d, items as never, {}, c.s.gen.now(), 'Metadata'), [WARNING]);
    return;
  }
  writeJson(c.res, 200, body, [WARNING]);
}

/** Until the scheduler and controller-manager run, their health ports refuse connections. */
export function defaultComponents(): ComponentHealth[] {
  const refused = (port: number) => `Get "https://127.0.0.1:${port}/healthz": dial tcp 127.0.0.1:${port}: connect: connection refused`;
  return [
    { name: 'controller-manager', healthy: false, message: '', error: refused(10257) },
    { name: 'scheduler', healthy: false, message: '', error: refused(10259) },
    { name: 'etcd-0', healthy: true, message: 'ok', error: '' },
  ];
}
