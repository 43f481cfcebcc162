// From etcd's flags to the server's configuration, with etcdmain's verification errors.
import { flag, wasSet, type FlagValues } from './flags.js';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
  trustedCaFile: string;
  clientCertAuth: boolean;
}

export interface EtcdConfig {
  name: string;
  dataDir: string;
  listenClientUrls: URL[];
  advertiseClientUrls: string[];
  listenPeerUrls: URL[];
  initialAdvertisePeerUrls: string[];
  initialCluster: Map<string, string[]>;
  initialClusterState: 'new' | 'existing';
  initialClusterToken: string;
  clientTls: TlsFiles;
  peerTls: TlsFiles;
  enableV2: boolean;
  snapshotCount: number;
  quotaBackendBytes: number;
  maxTxnOps: number;
  maxRequestBytes: number;
  /** --election-timeout, ms: how long a leader that lost its quorum stays leader. */
  electionTimeoutMs?: number;
  /** --auth-token-ttl (seconds) and --bcrypt-cost; absent: etcd's defaults (300, 10). */
  authTokenTtl?: number;
  bcryptCost?: number;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly extra: string[] = [],
  ) {
    super(message);
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function urls(values: FlagValues, name: string): URL[] {
  return flag(values, name)
    .split(',')
    .filter((u) => u !== '')
    .map((text) => {
      let u: URL;
      try {
        u = new URL(text);
      } catch {
        throw new ConfigError(`error verifying flags, parse "${text}": invalid URI for request. See 'etcd --help'.`);
      }
      if (!['http:', 'https:'].includes(u.protocol)) throw new ConfigError(`error verifying flags, URL scheme must be http, https, unix, or unixs: ${text}. See 'etcd --help'.`);
      if (u.port === '') throw new ConfigError(`error verifying flags, URL address does not have the form "host:port": ${text}. See 'etcd --help'.`);
      return u;
    });
}

function tls(values: FlagValues, prefix: '' | 'peer-'): TlsFiles {
  return {
    certFile: flag(values, `${prefix}cert-file`),
    keyFile: flag(values, `${prefix}key-file`),
    trustedCaFile: flag(values, `${prefix}trusted-ca-file`),
    clientCertAuth: flag(values, `${prefix}client-cert-auth`) === 'true',
  };
}

function initialCluster(text: string): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const part of text.split(',').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new ConfigError(`error setting up initial cluster: URL address does not have the form "host:port": ${part}`);
    const name = part.slice(0, eq);
    members.set(name, [...(members.get(name) ?? []), part.slice(eq + 1)]);
  }
  return members;
}

function int(values: FlagValues, name: string): number {
  const v = Number(flag(values, name));
  if (!Number.isInteger(v)) throw new ConfigError(`invalid value "${flag(values, name)}" for flag -${name}: parse error`);
  return v;
}

export function buildConfig(values: FlagValues): EtcdConfig {
  if (wasSet(values, 'listen-client-urls') && !wasSet(values, 'advertise-client-urls')) {
    throw new ConfigError(`error verifying flags, --advertise-client-urls is required when --listen-client-urls is set explicitly. See 'etcd --help'.`, [
      'When listening on specific address(es), this etcd process must advertise accessible url(s) to each connected client.',
    ]);
  }
  const name = flag(values, 'name');
  const cfg: EtcdConfig = {
    name,
    dataDir: wasSet(values, 'data-dir') ? flag(values, 'data-dir') : `${name}.etcd`,
    listenClientUrls: urls(values, 'listen-client-urls'),
    advertiseClientUrls: urls(values, 'advertise-client-urls').map((u) => u.href.replace(/\/$/, '')),
    listenPeerUrls: urls(values, 'listen-peer-urls'),
    initialAdvertisePeerUrls: urls(values, 'initial-advertise-peer-urls').map((u) => u.href.replace(/\/$/, '')),
    initialCluster: initialCluster(wasSet(values, 'initial-cluster') ? flag(values, 'initial-cluster') : `${name}=${flag(values, 'initial-advertise-peer-urls')}`),
    initialClusterState: flag(values, 'initial-cluster-state') === 'existing' ? 'existing' : 'new',
    initialClusterToken: flag(values, 'initial-cluster-token'),
    clientTls: tls(values, ''),
    peerTls: tls(values, 'peer-'),
    enableV2: flag(values, 'enable-v2') === 'true',
    snapshotCount: int(values, 'snapshot-count'),
    quotaBackendBytes: int(values, 'quota-backend-bytes'),
    maxTxnOps: int(values, 'max-txn-ops'),
    maxRequestBytes: int(values, 'max-request-bytes'),
    electionTimeoutMs: int(values, 'election-timeout'),
    authTokenTtl: int(values, 'auth-token-ttl'),
    bcryptCost: int(values, 'bcrypt-cost'),
  };
  checkLoopback([...cfg.listenClientUrls, ...cfg.listenPeerUrls]);
  checkLocalMember(cfg);
  return cfg;
}

/** kubedojo's servers never listen beyond this machine. */
function checkLoopback(list: URL[]): void {
  for (const u of list) {
    if (!LOOPBACK.test(u.hostname)) {
      throw new ConfigError(`error verifying flags, kubedojo's etcd listens on loopback only, and "${u.hostname}" is not a loopback address (use 127.0.0.1 or localhost). See 'etcd --help'.`);
    }
  }
}

function checkLocalMember(cfg: EtcdConfig): void {
  const mine = cfg.initialCluster.get(cfg.name);
  if (!mine) throw new ConfigError(`couldn't find local name "${cfg.name}" in the initial cluster configuration`);
  const advertised = [...cfg.initialAdvertisePeerUrls].sort().join(',');
  if ([...mine].sort().join(',') !== advertised) {
    throw new ConfigError(
      `--initial-cluster has ${cfg.name}=${mine.join(',')} but missing from --initial-advertise-peer-urls=${cfg.initialAdvertisePeerUrls.join(',')} ("${cfg.initialAdvertisePeerUrls[0]}"(resolved from "${cfg.initialAdvertisePeerUrls[0]}") != "${mine[0]}"(resolved from "${mine[0]}"))`,
    );
  }
}
