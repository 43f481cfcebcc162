// getRuntimeService / getImageService (cmd/crictl/main.go) with cri-client's connection check:
// default-endpoint warnings, one ERRO line per failed default endpoint, and the texts
// `validate service connection: validate CRI v1 runtime API for endpoint "…": rpc error: …`.
import { dialCri, endpointPath, type CriClient } from '../../client/cri/client.js';
import { DEFAULT_RUNTIME_ENDPOINTS } from './specs/global.js';
import { errorText } from './errors.js';
import type { Logger } from './logrus.js';
import { hostPath } from './node-root.js';
import { goDuration } from '../../client/go-duration.js';

export interface Settings {
  runtimeEndpoint: string;
  runtimeEndpointIsSet: boolean;
  imageEndpoint: string;
  imageEndpointIsSet: boolean;
  /** Milliseconds. */
  timeout: number;
  debug: boolean;
  pullImageOnCreate: boolean;
  disablePullOnRun: boolean;
}

const DEPRECATED = 'As the default settings are now deprecated, you should set the endpoint instead.';

export class Connector {
  private readonly clients: CriClient[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly nodeRoot: string,
    private readonly log: Logger,
  ) {}

  private async connect(endpoint: string, timeoutMs: number, kind: 'runtime' | 'image'): Promise<CriClient> {
    const path = endpointPath(endpoint);
    const client = await dialCri(endpoint, timeoutMs, { socketPath: hostPath(this.nodeRoot, path) });
    this.clients.push(client);
    try {
      if (kind === 'runtime') await client.version({ version: '' });
      else await client.imageFsInfo({});
    } catch (err) {
      throw new Error(`validate service connection: validate CRI v1 ${kind} API for endpoint ${JSON.stringify(endpoint)}: ${errorText(err)}`);
    }
    return client;
  }

  private async tryDefaults(kind: 'runtime' | 'image', timeoutMs: number): Promise<CriClient> {
    let last: unknown;
    for (const endpoint of DEFAULT_RUNTIME_ENDPOINTS) {
      this.log.debug(`Connect using endpoint ${JSON.stringify(endpoint)} with ${JSON.stringify(goDuration(timeoutMs))} timeout`);
      try {
        const client = await this.connect(endpoint, timeoutMs, kind);
        this.log.debug(`Connected successfully using endpoint: ${endpoint}`);
        return client;
      } catch (err) {
        this.log.error(errorText(err));
        last = err;
      }
    }
    throw last;
  }

  /** getRuntimeService(c, timeout): timeoutMs 0 means the global --timeout. */
  async runtime(timeoutMs = 0): Promise<CriClient> {
    const s = this.settings;
    if (s.runtimeEndpointIsSet && s.runtimeEndpoint === '') throw new Error('--runtime-endpoint is not set');
    this.log.debug('Get runtime connection');
    const t = timeoutMs !== 0 ? timeoutMs : s.timeout;
    this.log.debug(`Using runtime connection timeout: ${goDuration(t)}`);
    if (!s.runtimeEndpointIsSet) {
      this.log.warn(`runtime connect using default endpoints: [${DEFAULT_RUNTIME_ENDPOINTS.join(' ')}]. ${DEPRECATED}`);
      return this.tryDefaults('runtime', t);
    }
    return this.connect(s.runtimeEndpoint, t, 'runtime');
  }

  async image(): Promise<CriClient> {
    const s = this.settings;
    if (s.imageEndpoint === '') {
      if (s.runtimeEndpointIsSet && s.runtimeEndpoint === '') throw new Error('--image-endpoint is not set');
      s.imageEndpoint = s.runtimeEndpoint;
      s.imageEndpointIsSet = s.runtimeEndpointIsSet;
    }
    this.log.debug('Get image connection');
    if (!s.imageEndpointIsSet) {
      this.log.warn(`Image connect using default endpoints: [${DEFAULT_RUNTIME_ENDPOINTS.join(' ')}]. ${DEPRECATED}`);
      return this.tryDefaults('image', s.timeout);
    }
    return this.connect(s.imageEndpoint, s.timeout, 'image');
  }

  close(): void {
    for (const c of this.clients) c.close();
  }
}

