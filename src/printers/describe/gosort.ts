// Go's sort.Sort / sort.Slice and sort.Stable over arrays, for the describers. kubectl sorts
// events by LastTimestamp with the unstable sort, so equal keys end up in the order Go's
// pdqsort (../go-sort.ts, step for step) leaves them.
import { goSort as sortInterface } from '../go-sort.js';

type Less<T> = (a: T, b: T) => boolean;

/** sort.Sort / sort.Slice: in place, not stable, exactly as Go leaves equal elements. */
export function goSort<T>(items: T[], less: Less<T>): T[] {
  sortInterface({
    len: items.length,
    less: (i, j) => less(items[i]!, items[j]!),
    swap: (i, j) => { const t = items[i]!; items[i] = items[j]!; items[j] = t; },
  });
  return items;
}

/** sort.Stable: any stable sort leaves equal elements in the same order as Go's. */
export function goStable<T>(items: T[], less: Less<T>): T[] {
  return items.sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
}
