import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { certificateSigningRequestColumns } from './certificatesigningrequest.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');

describe('certificatesigningrequest cells', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, unknown[]]>([
    ['pending, no signer', { username: 'jane' }, {}, ['<none>', 'jane', '<none>', 'Pending']],
    [
      'approved and issued, one day',
      { signerName: 'kubernetes.io/kube-apiserver-client', username: 'kubernetes-admin', expirationSeconds: 86400 },
      { conditions: [{ type: 'Approved', status: 'True' }], certificate: 'LS0tLS1CRUdJTi...' },
      ['kubernetes.io/kube-apiserver-client', 'kubernetes-admin', '24h', 'Approved,Issued'],
    ],
    [
      'denied wins over approved',
      { signerName: 's', username: 'u', expirationSeconds: 600 },
      { conditions: [{ type: 'Approved' }, { type: 'Denied' }] },
      ['s', 'u', '10m', 'Denied'],
    ],
    ['failed', { signerName: 's', username: 'u' }, { conditions: [{ type: 'Approved' }, { type: 'Failed' }] }, ['s', 'u', '<none>', 'Approved,Failed']],
  ])('%s', (_name, spec, status, want) => {
    const csr: KObject = { metadata: { name: 'jane', creationTimestamp: '2025-01-15T11:15:00Z' }, spec, status };
    expect(certificateSigningRequestColumns.cells(csr, { now: NOW })).toEqual(['jane', '45m', ...want]);
  });
});
