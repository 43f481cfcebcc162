// etcd 3.4's own snapshot format, a bbolt database: status reads it (bolt-reader.ts), restore
// makes a new member's data dir from it (bolt-restore.ts).
import { boltStatus, BOLT_MAGIC } from './bolt-reader.js';
import { restoreBolt } from './bolt-restore.js';
import type { SnapshotFormat } from './format.js';

export const boltFormat: SnapshotFormat = {
  name: 'bbolt',
  detect: (data) => data.length >= 32 && data.readUInt32LE(16) === BOLT_MAGIC,
  status: async (data) => boltStatus(data),
  restore: async (o, cwd, log) => restoreBolt(o, cwd, log),
};
