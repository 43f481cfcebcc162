// The httpGet probe (pkg/probe/http): GET <scheme>://<host or pod IP>:<port><path> with
// `User-Agent: kube-probe/1.32` and `Accept: */*` unless httpHeaders set them; 200–399 succeeds
// (a redirect is a warning), any other status fails with `HTTP probe failed with statuscode: N`,
// and a failed exchange fails with Go's client error: `Get "<url>": dial tcp …: connect:
// connection refused`, a timeout, or EOF from a server that does not speak HTTP. A web server
// image answers as it answers any client and logs the request.
import type { Probe } from '../pod-spec.js';
import type { Listener } from '../network/fabric.js';
import { serve, serverVersion } from '../network/http.js';
import { healthStatus, servesTls } from './health.js';
import { reach, resolvePort, waitSeconds, type ProbeTarget } from './target.js';
import type { Outcome } from './types.js';

type HttpGet = NonNullable<Probe['httpGet']>;

export const PROBE_USER_AGENT = 'kube-probe/1.32';

interface Request {
  url: string;
  host: string;
  port: number;
  path: string;
  https: boolean;
  userAgent: string;
}

/** The request NewRequestForHTTPGetAction builds. */
export function probeRequest(get: HttpGet, t: Pick<ProbeTarget, 'container' | 'podIP'>): Request {
  const scheme = (get.scheme || 'HTTP').toLowerCase();
  const host = get.host || t.podIP;
  const port = resolvePort(get.port, t.container);
  const raw = get.path ?? '';
  const path = raw === '' || raw.startsWith('/') ? raw : `/${raw}`;
  const ua = get.httpHeaders?.find((h) => h.name.toLowerCase() === 'user-agent');
  return { url: `${scheme}://${host}:${port}${path}`, host, port, path: path || '/', https: scheme === 'https', userAgent: ua ? ua.value : PROBE_USER_AGENT };
}

const failed = (output: string): Outcome => ({ result: 'failure', output });

export async function httpGetProbe(t: ProbeTarget, get: HttpGet, timeoutSeconds: number): Promise<Outcome> {
  const req = probeRequest(get, t);
  const conn = await reach(t, req.host, req.port);
  if (conn.kind === 'refused') return failed(`Get "${req.url}": dial tcp ${req.host}:${req.port}: connect: connection refused`);
  if (conn.kind === 'timeout') {
    await waitSeconds(t.timers, timeoutSeconds);
    return failed(`Get "${req.url}": dial tcp ${req.host}:${req.port}: i/o timeout (Client.Timeout exceeded while awaiting headers)`);
  }
  const status = exchange(conn.listener, req, t);
  if (status === undefined) return failed(`Get "${req.url}": EOF`);
  const tls = servesTls(conn.listener.image, req.port);
  if (req.https && !tls) return failed(`Get "${req.url}": http: server gave HTTP response to HTTPS client`);
  if (!req.https && tls) return verdict(400, 'Client sent an HTTP request to an HTTPS server.\n');
  return verdict(status.code, status.body);
}

/** The server's status and body for the request, or undefined when it does not answer HTTP. */
function exchange(l: Listener, req: Request, t: Pick<ProbeTarget, 'hostIP' | 'now'>): { code: number; body: string } | undefined {
  const app = l.image.behaviour.http;
  if (!app) {
    const code = healthStatus(l.image, req.port, req.path);
    return code === undefined ? undefined : { code, body: code === 200 ? 'OK' : '404 page not found\n' };
  }
  if (req.https) return { code: 400, body: '' };
  const { response, log } = serve({ app, version: serverVersion(l.image.env, app) }, { method: 'GET', path: req.path, host: `${req.host}:${req.port}`, userAgent: req.userAgent || '-', clientIP: t.hostIP }, t.now());
  l.stdout(log);
  return { code: response.status, body: response.body };
}

/** DoHTTPProbe's verdict on a status code (the body is not quoted in failures, issue 99425). */
export function verdict(code: number, body: string): Outcome {
  if (code >= 200 && code < 400) {
    if (code >= 300) return { result: 'warning', output: `Probe terminated redirects, Response body: ${body}` };
    return { result: 'success', output: body };
  }
  return failed(`HTTP probe failed with statuscode: ${code}`);
}
