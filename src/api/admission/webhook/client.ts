// Posting an AdmissionReview to a webhook as the apiserver's webhook client does: HTTPS to the
// configured URL, or to a Service by its ClusterIP (the aggregator's ClusterIP resolver), trusting
// the caBundle (the system's roots without one), `?timeout=<n>s` on the URL and the request given
// up at that deadline. A failure is worded as client-go reports it.
import { request } from 'node:https';
import { transportError, DeadlineError } from '../../../client/transport-error.js';
import { systemRoots } from '../../../client/roots.js';
import { cheapDefaultStore } from '../../../client/startup-env.js';
import type { WebhookSpec } from './match.js';

/** Where a Service-backed webhook is dialed, or why it cannot be (upstream's resolver errors). */
export type ServiceResolver = (namespace: string, name: string, port: number) => Promise<{ host: string; port: number } | Error>;

/** The URL client-go requests, as Go prints it (a port given stays written out): the base path
 * cleaned ("/" at least), and the timeout parameter. */
export function hookUrl(hook: WebhookSpec): { url: URL; shown: string } {
  const svc = hook.clientConfig.service;
  const [, base = '', rawPath = ''] = svc
    ? ['', `https://${svc.name}.${svc.namespace}.svc:${svc.port ?? 443}`, svc.path ?? '']
    : /^([a-zA-Z][\w+.-]*:\/\/[^/]*)(.*)$/.exec(hook.clientConfig.url ?? '') ?? [];
  const path = rawPath.replace(/\/+$/, '') || '/';
  const shown = `${base}${path}?timeout=${hook.timeoutSeconds ?? 10}s`;
  return { url: new URL(shown), shown };
}

/** apierrors.NewGenericServerResponse's message for a status without a Status body. */
export function genericResponseMessage(code: number, body: string): string {
  switch (code) {
    case 409: return 'the server reported a conflict';
    case 404: return 'the server could not find the requested resource';
    case 400: return 'the server rejected our request for an unknown reason';
    case 401: return 'the server has asked for the client to provide credentials';
    case 403: return 'the server does not allow access to the requested resource';
    case 405: return 'the server does not allow this method on the requested resource';
    case 406: return 'the server was unable to respond with a content type that the client supports';
    case 415: return 'the server was unable to respond with a content type that the client supports';
    case 422: return 'the server rejected our request due to an error in our request';
    case 503: return 'the server is currently unable to handle the request';
    case 504: return 'the server was unable to return a response in the time allotted, but may still be processing the request';
    case 429: return 'the server has received too many requests and has asked us to try again later';
    default:
      if (code >= 500) return `an error on the server (${JSON.stringify(body.trim())}) has prevented the request from succeeding`;
      return `the server responded with the status code ${code} but did not return more information`;
  }
}

/** The error text of a non-2xx answer: a Status body's message, or the generic one. */
function responseError(code: number, body: string): string {
  try {
    const s = JSON.parse(body) as { kind?: string; apiVersion?: string; message?: string };
    if (s.kind === 'Status' && typeof s.message === 'string') return s.message;
  } catch {
    // not a Status
  }
  return genericResponseMessage(code, body);
}

/** Posts the review; resolves with the decoded answer, rejects with the reason text ("failed to call webhook: …"'s tail). */
export async function postReview(hook: WebhookSpec, review: unknown, resolveService: ServiceResolver): Promise<unknown> {
  const { url, shown } = hookUrl(hook);
  const svc = hook.clientConfig.service;
  let dial: { host: string; port: number } = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
  if (svc) {
    const resolved = await resolveService(svc.namespace, svc.name, svc.port ?? 443);
    if (resolved instanceof Error) throw new Error(`Post ${JSON.stringify(shown)}: ${resolved.message}`);
    dial = resolved;
  }
  const ca = hook.clientConfig.caBundle ? Buffer.from(hook.clientConfig.caBundle, 'base64').toString('latin1') : systemRoots();
  cheapDefaultStore();
  const body = JSON.stringify(review);
  const ms = (hook.timeoutSeconds ?? 10) * 1000;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (f: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      f();
    };
    const req = request({
      host: dial.host, port: dial.port, path: `${url.pathname}${url.search}`, method: 'POST', ca, servername: url.hostname,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, */*', 'Content-Length': Buffer.byteLength(body), Host: url.host },
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => finish(() => reject(transportError('POST', url, err, shown))));
      res.on('end', () => finish(() => {
        const text = Buffer.concat(chunks).toString('utf8');
        const code = res.statusCode ?? 0;
        if (code < 200 || code > 299) return reject(new Error(responseError(code, text)));
        try {
          resolve(JSON.parse(text));
        } catch (err) {
          reject(new Error(`couldn't get version/kind; json parse error: ${(err as Error).message}`));
        }
      }));
    });
    const timer = setTimeout(() => finish(() => {
      req.destroy();
      reject(transportError('POST', url, new DeadlineError(false), shown));
    }), ms);
    req.on('error', (err) => finish(() => reject(transportError('POST', url, err, shown))));
    req.end(body);
  });
}
