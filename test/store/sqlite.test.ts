// The store conformance suite against the SQLite backend.
import { kvConformance } from './conformance-kv.js';
import { txnConformance } from './conformance-txn.js';
import { watchConformance } from './conformance-watch.js';
import { leaseConformance } from './conformance-lease.js';
import { maintenanceConformance } from './conformance-maintenance.js';
import { processConformance } from './conformance-process.js';
import { sqliteBackend } from './sqlite-backend.js';

kvConformance(sqliteBackend);
txnConformance(sqliteBackend);
watchConformance(sqliteBackend);
leaseConformance(sqliteBackend);
maintenanceConformance(sqliteBackend);
processConformance(sqliteBackend);
