// GET /metrics on the client URLs, as etcd 3.4 serves it there (promhttp: any method, text format
// 0.0.4): the process collector's series and the etcd_* gauges and counters this member can tell
// from its own state (leadership, raft index, revisions, backend size, quota, versions). etcd's
// latency histograms and per-RPC counters are not kept.
import { CLUSTER_VERSION, ETCD_VERSION, type EtcdServer } from '../server.js';
import { hexId } from '../ids.js';
import type { Route } from './handler.js';
import { processFamilies } from './metrics-process.js';
import { CONTENT_TYPE, render, single, type Family } from './metrics-text.js';
import { send } from './respond.js';

/** etcd's default --quota-backend-bytes (0): 2 GiB. */
const DEFAULT_QUOTA_BYTES = 2 * 1024 ** 3;

function labelled(name: string, help: string, label: string, value: string): Family {
  return { name, help, type: 'gauge', samples: [{ labels: { [label]: value }, value: 1 }] };
}

function identity(server: EtcdServer): Family[] {
  const leader = server.membership.hasQuorum(server.id) ? 1 : 0;
  const quota = server.config.quotaBackendBytes;
  return [
    labelled('etcd_cluster_version', 'Which version is running. 1 for \'cluster_version\' label with current cluster version', 'cluster_version', CLUSTER_VERSION.split('.').slice(0, 2).join('.')),
    labelled('etcd_server_version', 'Which version is running. 1 for \'server_version\' label with current version.', 'server_version', ETCD_VERSION),
    labelled('etcd_server_id', 'Server or member ID in hexadecimal format. 1 for \'server_id\' label with current ID.', 'server_id', hexId(server.id)),
    single('etcd_server_has_leader', 'gauge', 'Whether or not a leader exists. 1 is existence, 0 is not.', leader),
    single('etcd_server_is_leader', 'gauge', 'Whether or not this member is a leader. 1 if is, 0 otherwise.', leader),
    single('etcd_server_is_learner', 'gauge', 'Whether or not this member is a learner. 1 if is, 0 otherwise.', server.self().isLearner ? 1 : 0),
    single('etcd_server_leader_changes_seen_total', 'counter', 'The number of leader changes seen.', 1),
    single('etcd_server_quota_backend_bytes', 'gauge', 'Current backend storage quota size in bytes.', quota === 0 ? DEFAULT_QUOTA_BYTES : Math.max(quota, 0)),
    single('etcd_debugging_auth_revision', 'gauge', 'The current revision of auth store.', server.auth.revision),
  ];
}

function zeroCounters(): Family[] {
  return [
    single('etcd_server_proposals_pending', 'gauge', 'The current number of pending proposals to commit.', 0),
    single('etcd_server_proposals_failed_total', 'counter', 'The total number of failed proposals seen.', 0),
    single('etcd_server_heartbeat_send_failures_total', 'counter', 'The total number of leader heartbeat send failures (likely overloaded from slow disk).', 0),
    single('etcd_server_slow_apply_total', 'counter', 'The total number of slow apply requests (likely overloaded from slow disk).', 0),
    single('etcd_server_slow_read_indexes_total', 'counter', 'The total number of pending read indexes not in sync with leader\'s or timed out read index requests.', 0),
    single('etcd_server_read_indexes_failed_total', 'counter', 'The total number of failed read indexes seen.', 0),
    single('etcd_server_snapshot_apply_in_progress_total', 'gauge', '1 if the server is applying the incoming snapshot. 0 if none.', 0),
  ];
}

async function storeFamilies(server: EtcdServer): Promise<Family[]> {
  const s = await server.store.status();
  const physical = 'Total size of the underlying database physically allocated in bytes.';
  return [
    single('etcd_server_proposals_committed_total', 'gauge', 'The total number of consensus proposals committed.', s.raftIndex),
    single('etcd_server_proposals_applied_total', 'gauge', 'The total number of consensus proposals applied.', s.raftIndex),
    single('etcd_mvcc_db_total_size_in_bytes', 'gauge', physical, s.dbSize),
    single('etcd_mvcc_db_total_size_in_use_in_bytes', 'gauge', 'Total size of the underlying database logically in use in bytes.', s.dbSizeInUse),
    single('etcd_debugging_mvcc_db_total_size_in_bytes', 'gauge', physical, s.dbSize),
    single('etcd_debugging_mvcc_current_revision', 'gauge', 'The current revision of store.', s.header.revision),
    single('etcd_debugging_mvcc_compact_revision', 'gauge', 'The revision of the last compaction in store.', s.compactRevision),
  ];
}

/** The whole exposition, as a scrape of the member would read it now. */
export async function metricsText(server: EtcdServer): Promise<string> {
  return render([...processFamilies(), ...identity(server), ...zeroCounters(), ...(await storeFamilies(server))]);
}

/** The /metrics route of the client URLs' HTTP side. */
export function metricsRoute(server: EtcdServer): Route {
  return async (_req, res, target) => {
    if (target.path !== '/metrics') return false;
    send(res, 200, { 'Content-Type': CONTENT_TYPE }, await metricsText(server));
    return true;
  };
}
