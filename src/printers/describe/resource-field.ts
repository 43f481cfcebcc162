// resourcehelper.ExtractContainerResourceValue: a resourceFieldRef env var's value, the
// container's request or limit divided by the divisor and rounded up.
import { rec, str, type Fields } from '../columns/fields.js';
import { Quantity } from './quantity.js';

function ceilRatio(a: bigint, b: bigint): string {
  return String(Math.trunc(Math.ceil(Number(a) / Number(b))));
}

/** undefined when kubectl's helper returns an error (an unsupported resource). */
export function resourceFieldValue(ref: Fields, container: Fields): string | undefined {
  const parsed = Quantity.parse(ref.divisor);
  const divisor = parsed.isZero() ? Quantity.parse('1') : parsed;
  const resource = str(ref.resource);
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests')) return undefined;
  const value = Quantity.parse(rec(rec(container.resources)[kind])[name]);
  if (name === 'cpu') return ceilRatio(value.milliValue(), divisor.milliValue());
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return ceilRatio(value.value(), divisor.value());
  return undefined;
}
