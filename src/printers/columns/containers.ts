// printers.go's layoutContainerCells: a template's container names and images, comma-joined.
import { at, recs, str } from './fields.js';

export function containerCells(podSpec: unknown): [string, string] {
  const containers = recs(at(podSpec, 'containers'));
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}

/** The Containers and Images cells of a workload whose pod template sits at spec.template. */
export function templateCells(spec: unknown): [string, string] {
  return containerCells(at(spec, 'template', 'spec'));
}
