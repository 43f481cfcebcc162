// mutatingwebhookconfigurations and validatingwebhookconfigurations (admissionregistration.k8s.io/v1):
// printMutatingWebhook / printValidatingWebhook — NAME WEBHOOKS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { recs } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const webhookConfigurationColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Webhooks', 'Webhooks indicates the number of webhooks registered in this configuration', {
      type: 'integer',
    }),
    ageColumn(),
  ],
  cells(config, { now }) {
    return [config.metadata.name ?? '', recs(config.webhooks).length, age(config, now)];
  },
};
