// kubectl rollout restart: the pod template of a Deployment, DaemonSet or StatefulSet gets the
// kubectl.kubernetes.io/restartedAt annotation (now, RFC 3339 in the local zone, seconds only);
// a second restart within the same second changes nothing and is refused.
import type { Ctx } from '../../context.js';
import { localZone } from '../../../../printers/describe/time.js';
import { rec, str, type Json } from '../workload/json-values.js';
import { runObjectPatch } from './object-patch.js';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const group = (obj: Json): string => {
  const v = str(obj.apiVersion);
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
};

export const isDeployment = (obj: Json): boolean => obj.kind === 'Deployment' && ['apps', 'extensions'].includes(group(obj));

const pad = (n: number): string => String(n).padStart(2, '0');

/** time.Now().Format(time.RFC3339) in the zone TZ names (Go's time.Local). */
export function rfc3339Now(tz: string | undefined, now = new Date()): string {
  const zone = localZone(tz);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(now);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = Math.round((wall - Math.floor(now.getTime() / 1000) * 1000) / 60000);
  const zoneText = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${String(get('year')).padStart(4, '0')}-${pad(get('month'))}-${pad(get('day'))}T${pad(get('hour'))}:${pad(get('minute'))}:${pad(get('second'))}${zoneText}`;
}

export function restarter(tz: string | undefined): (obj: Json) => void {
  return (obj) => {
    const g = group(obj);
    const known = isDeployment(obj) || (obj.kind === 'DaemonSet' && ['apps', 'extensions'].includes(g)) || (obj.kind === 'StatefulSet' && g === 'apps');
    if (!known) throw new Error('restarting is not supported');
    const spec = rec(obj.spec);
    if (isDeployment(obj) && spec.paused === true) throw new Error("can't restart paused deployment (run rollout resume first)");
    const template = rec(spec.template);
    const meta = rec(template.metadata);
    obj.spec = { ...spec, template: { ...template, metadata: { ...meta, annotations: { ...rec(meta.annotations), [RESTARTED_AT]: rfc3339Now(tz) } } } };
  };
}

export function run(ctx: Ctx): Promise<number> {
  return runObjectPatch(ctx, {
    done: 'restarted',
    change: restarter(ctx.io.env.TZ),
    unchanged: (info) => ({ error: new Error(`failed to create patch for ${info.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`) }),
  });
}
