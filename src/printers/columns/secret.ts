// secrets (core/v1): printSecret — NAME TYPE DATA AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { size, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const secretColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Type', 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
    column('Data', 'Data contains the secret data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4'),
    ageColumn(),
  ],
  cells(secret, { now }) {
    return [secret.metadata.name ?? '', str(secret.type), size(secret.data), age(secret, now)];
  },
};
