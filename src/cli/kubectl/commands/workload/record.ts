// genericclioptions.RecordFlags: with --record the object gets kubernetes.io/change-cause set to
// the command line as parseCommandArguments rebuilds it — `kubectl`, the positional words, then
// every flag given as ` --name=value` — and pflag warns that the flag is deprecated.
import type { Ctx } from '../../context.js';
import { rec, type Json } from './json-values.js';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function flagText(ctx: Ctx, name: string): string {
  const v = ctx.value(name);
  if (Array.isArray(v)) return `[${v.join(',')}]`;
  return String(v ?? '');
}

/** The change cause: `kubectl set image deploy/web nginx=x --namespace=t --record=true`. */
export function changeCause(ctx: Ctx): string {
  const words = [...ctx.spec.path, ...ctx.args];
  const flags = [...ctx.parsed.changed].map((name) => ` --${name}=${flagText(ctx, name)}`).join('');
  return `kubectl ${words.join(' ')}${flags}`;
}

/** pflag's warning for the hidden, deprecated --record. */
export function warnRecord(ctx: Ctx): void {
  if (ctx.changed('record')) ctx.io.stderr.write('Flag --record has been deprecated, --record will be removed in the future\n');
}

/** ChangeCauseRecorder.Record when --record is true; nothing otherwise. */
export function recordChange(ctx: Ctx, obj: Json): void {
  if (!ctx.bool('record')) return;
  const meta = rec(obj.metadata);
  obj.metadata = { ...meta, annotations: { ...rec(meta.annotations), [CHANGE_CAUSE]: changeCause(ctx) } };
}
