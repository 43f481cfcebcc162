// configmaps (core/v1): printConfigMap — NAME DATA AGE; DATA counts data and binaryData keys.
import { ageColumn, column, nameColumn } from './define.js';
import { size } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const configMapColumns: ColumnSet = {
  columns: [nameColumn(), column('Data', 'Data contains the configuration data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.'), ageColumn()],
  cells(cm, { now }) {
    return [cm.metadata.name ?? '', size(cm.data) + size(cm.binaryData), age(cm, now)];
  },
};
