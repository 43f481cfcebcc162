// podtemplates (core/v1): printPodTemplate — NAME CONTAINERS IMAGES POD LABELS (no AGE column).
import { CONTAINERS_DOC, IMAGES_DOC, column, nameColumn } from './define.js';
import { at } from './fields.js';
import { containerCells } from './containers.js';
import { formatLabels } from './labels.js';
import type { ColumnSet } from './types.js';

export const podTemplateColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Containers', CONTAINERS_DOC),
    column('Images', IMAGES_DOC),
    column('Pod Labels', 'The labels for the pod template.'),
  ],
  cells(pt) {
    const [names, images] = containerCells(at(pt.template, 'spec'));
    return [pt.metadata.name ?? '', names, images, formatLabels(at(pt.template, 'metadata', 'labels'))];
  },
};
