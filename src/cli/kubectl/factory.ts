// cmdutil.Factory: the global flags turned into a client config (clientcmd), a REST client and
// the discovery-backed resource mapper, each built once per command and only when asked for.
import { contextError, loadKubeconfig, resolveClient, type ConfigOverrides, type LoadedConfig, type ResolvedClient } from '../../client/clientcmd.js';
import { RestClient } from '../../client/rest.js';
import { goDuration, parseDuration } from '../../client/go-duration.js';
import type { Io } from '../shared/io.js';
import type { Parsed } from '../shared/pflag.js';
import { decodeConfigJson } from './commands/config/decode.js';
import { openDiscovery } from './discovery/cached-discovery.js';
import { RestMapper } from './discovery/mapper.js';
import { Klog } from './klog.js';
import { requestLog } from './request-log.js';
import { promptCredentials } from './auth-prompt.js';

function str(p: Parsed, name: string): string | undefined {
  const v = p.values.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function overridesFrom(p: Parsed): ConfigOverrides {
  const o: ConfigOverrides = {};
  const set = <K extends keyof ConfigOverrides>(key: K, value: ConfigOverrides[K] | undefined): void => {
    if (value !== undefined) o[key] = value;
  };
  set('kubeconfig', str(p, 'kubeconfig'));
  set('context', str(p, 'context'));
  set('cluster', str(p, 'cluster'));
  set('user', str(p, 'user'));
  set('namespace', str(p, 'namespace'));
  set('server', str(p, 'server'));
  set('token', str(p, 'token'));
  set('certificateAuthority', str(p, 'certificate-authority'));
  set('clientCertificate', str(p, 'client-certificate'));
  set('clientKey', str(p, 'client-key'));
  set('tlsServerName', str(p, 'tls-server-name'));
  set('username', str(p, 'username'));
  set('password', str(p, 'password'));
  if (p.changed.has('insecure-skip-tls-verify')) o.insecureSkipTlsVerify = p.values.get('insecure-skip-tls-verify') === true;
  const groups = p.values.get('as-group');
  const as = str(p, 'as');
  const uid = str(p, 'as-uid');
  if (as || uid || (Array.isArray(groups) && groups.length > 0)) {
    o.impersonate = { ...(as ? { user: as } : {}), ...(Array.isArray(groups) && groups.length > 0 ? { groups: groups as string[] } : {}), ...(uid ? { uid } : {}) };
  }
  return o;
}

const INVALID_TIMEOUT = 'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

/**
 * --request-timeout as clientcmd.ParseTimeout reads it: a whole number of seconds or a Go
 * duration; 0 means none. A negative one is still sent as ?timeout= but sets no deadline.
 */
export function requestTimeout(raw: string): { ms: number; text: string } | undefined {
  if (raw === '') return undefined;
  const ms = /^\+?\d+$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw);
  if (ms === null) throw new Error(INVALID_TIMEOUT);
  return ms === 0 ? undefined : { ms, text: goDuration(ms) };
}

export class Factory {
  private loaded?: Promise<LoadedConfig>;
  private resolved?: Promise<ResolvedClient>;
  private restClient?: Promise<RestClient>;
  private usable?: Promise<ResolvedClient>;
  private mapperP?: Promise<RestMapper>;

  /** klog at the command's -v level (request logging from 6 up, as client-go's round trippers). */
  readonly klog: Klog;

  constructor(readonly io: Io, private readonly parsed: Parsed) {
    const v = parsed.values.get('v');
    this.klog = new Klog(io.stderr, typeof v === 'number' ? v : 0);
  }

  get overrides(): ConfigOverrides {
    return overridesFrom(this.parsed);
  }

  kubeconfig(): Promise<LoadedConfig> {
    // each file decoded as clientcmd.Load decodes it, so a type error or a repeated name is refused as there
    this.loaded ??= loadKubeconfig(this.io.env, this.io.cwd, str(this.parsed, 'kubeconfig'), decodeConfigJson).then((l) => {
      for (const f of l.loaded) this.klog.info(6, 'loader.go:402', `Config loaded from file:  ${f}`);
      return l;
    });
    return this.loaded;
  }

  private resolve(): Promise<ResolvedClient> {
    this.resolved ??= this.kubeconfig().then((l) => resolveClient(l.config, this.overrides));
    return this.resolved;
  }

  /** ClientConfig(): the resolved client configuration, once it is usable (credentials prompted for if it names none). */
  clientConfig(): Promise<ResolvedClient> {
    this.usable ??= this.resolve().then(async (r) => {
      const err = contextError(r, this.overrides, true);
      if (err) throw err;
      if (!r.identifiesUser && r.rest.server.startsWith('https://')) r.rest.basic = await promptCredentials(this.io);
      return r;
    });
    return this.usable;
  }

  /** The namespace to use and whether the user chose it (-n or the context); -n needs no usable config. */
  async namespace(): Promise<{ namespace: string; explicit: boolean }> {
    const r = await this.resolve();
    const err = this.overrides.namespace ? undefined : contextError(r, this.overrides, false);
    if (err) throw err;
    return { namespace: r.namespace, explicit: r.namespaceExplicit };
  }

  /** The timeout query value discovery requests carry (`32s` unless --request-timeout). */
  get discoveryTimeout(): string {
    return requestTimeout(str(this.parsed, 'request-timeout') ?? '')?.text ?? '32s';
  }

  client(): Promise<RestClient> {
    this.restClient ??= this.clientConfig().then((r) => {
      const rest = { ...r.rest, userAgent: 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07' };
      const impersonate = this.overrides.impersonate;
      if (impersonate) rest.impersonate = impersonate;
      const t = requestTimeout(str(this.parsed, 'request-timeout') ?? '');
      if (t) rest.timeout = t;
      // client-go's warning handler: each distinct server warning once, on stderr.
      const seen = new Set<string>();
      rest.onWarning = (text) => {
        if (seen.has(text)) return;
        seen.add(text);
        this.io.stderr.write(`Warning: ${text}\n`);
      };
      const trace = requestLog(this.klog);
      if (trace) rest.trace = trace;
      return new RestClient(rest);
    });
    return this.restClient;
  }

  /**
   * Discovery through the disk cache, loaded once; a failure is asked again `attempts` times, as
   * client-go's callers do, and not kept: the next lookup asks the server again.
   */
  mapper(attempts = 5, opts: { invalidate?: boolean } = {}): Promise<RestMapper> {
    this.mapperP ??= openDiscovery(this, this.parsed).then((d) => RestMapper.load(d, { io: this.io, klog: this.klog, attempts, ...opts }));
    const p = this.mapperP;
    p.catch(() => { if (this.mapperP === p) this.mapperP = undefined; });
    return p;
  }

  close(): void {
    void this.restClient?.then((c) => c.close(), () => undefined);
  }
}
