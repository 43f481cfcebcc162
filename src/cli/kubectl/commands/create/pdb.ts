// kubectl create poddisruptionbudget NAME --selector=… --min-available=N|N% |
// --max-unavailable=N|N%: a policy/v1 PDB (its status counters print as zeros).
import type { Ctx } from '../../context.js';
import { parseToLabelSelector } from './label-selector.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishCreate } from './submit.js';

/** intstr.Parse */
const intOrString = (s: string): number | string => (/^[+-]?\d+$/.test(s) ? Number(s) | 0 : s);

function validate(name: string, selector: string, min: string, max: string): void {
  if (name === '') throw new Error('name must be specified');
  if (selector === '') throw new Error('a selector must be specified');
  if (max === '' && min === '') throw new Error('one of min-available or max-unavailable must be specified');
  if (max !== '' && min !== '') throw new Error('min-available and max-unavailable cannot be both specified');
  const re = /^[0-9]+%?$/;
  if (min !== '' && !re.test(min)) throw new Error('invalid format specified for min-available');
  if (max !== '' && !re.test(max)) throw new Error('invalid format specified for max-unavailable');
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  const [selector, min, max] = [ctx.str('selector'), ctx.str('min-available'), ctx.str('max-unavailable')];
  validate(name, selector, min, max);
  const spec = {
    selector: parseToLabelSelector(selector),
    ...(min !== '' ? { minAvailable: intOrString(min) } : { maxUnavailable: intOrString(max) }),
  };
  const obj = {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
    metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) },
    spec,
  };
  return finishCreate(ctx, s, { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true }, obj, { failPrefix: 'failed to create poddisruptionbudgets: ' });
}
