// describeTopologySpreadConstraints: `key:WhenUnsatisfiable when max skew N is exceeded …`.
import { num, rec, recs, str } from '../columns/fields.js';
import { formatLabelSelector } from '../columns/labels.js';
import { goSort } from './gosort.js';
import { LEVEL_0, type Writer } from './writer.js';

export function describeTopologySpread(constraints: unknown, w: Writer, space: string): void {
  const list = goSort(recs(constraints), (a, b) => str(a.topologyKey) < str(b.topologyKey));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let line = `${str(c.topologyKey)}:${str(c.whenUnsatisfiable)} when max skew ${num(c.maxSkew)} is exceeded`;
    if (c.labelSelector !== undefined && c.labelSelector !== null) line += ` for selector ${formatLabelSelector(rec(c.labelSelector))}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}
