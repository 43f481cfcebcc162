// pods/log between the apiserver and a node's kubelet: options checked as the apiserver does, the
// kubelet's answers turned into Status errors, the log streamed as text/plain over real HTTP.
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../api/http/server-context.js';
import type { StatusError } from '../api/errors.js';
import type { RunningKubelet } from '../kubelet/kubelet.js';
import type { KubeletHttpError, LogRequest, LogSink } from '../kubelet/logs/handler.js';
import { kubeletHandlers, responseError, serveLogs } from './kubelet-server.js';

/** A kubelet whose containerLogs writes lines on a timer, or answers err. */
function fakeKubelet(lines: string[], err?: KubeletHttpError): RunningKubelet & { seen: LogRequest[] } {
  const seen: LogRequest[] = [];
  return {
    node: 'node01', seen, stop: async () => {},
    async containerLogs(req: LogRequest, sink: LogSink) {
      seen.push(req);
      if (err) return err;
      sink.start();
      for (const l of lines) {
        await new Promise((r) => setTimeout(r, 5));
        if (sink.signal.aborted) break;
        sink.write(Buffer.from(l));
      }
      sink.end();
      return undefined;
    },
  };
}

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Serves GET /?query with serveLogs(k) as the apiserver's kubeletProxy would; resolves with the response and body. */
async function call(k: RunningKubelet, query: string): Promise<{ res: IncomingMessage; body: string; err?: StatusError }> {
  let failure: StatusError | undefined;
  server = createServer((req, res) => {
    const c = { req, res, query: new URLSearchParams(query), info: { namespace: 'default', name: 'hello', subresource: 'log' } } as unknown as Call;
    void serveLogs(k, c).then((e) => {
      failure = e as StatusError | undefined;
      if (e) res.writeHead(599).end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return new Promise((resolve, reject) => {
    get(`http://127.0.0.1:${port}/`, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ res, body, ...(failure ? { err: failure } : {}) }));
    }).on('error', reject);
  });
}

describe('serveLogs', () => {
  it('streams the kubelet\'s log as chunked text/plain and passes the decoded options', async () => {
    const k = fakeKubelet(['one\n', 'two\n']);
    const { res, body } = await call(k, 'container=c&follow=true&tailLines=2&timestamps=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
    expect(body).toBe('one\ntwo\n');
    expect(k.seen).toEqual([{ namespace: 'default', name: 'hello', container: 'c', options: { container: 'c', follow: true, previous: false, timestamps: true, tailLines: 2 } }]);
  });

  it.each<[string, string, number, string]>([
    ['tailLines=-1', 'Invalid', 422, 'PodLogOptions "hello" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0'],
    ['sinceSeconds=1&sinceTime=2026-01-01T00:00:00Z', 'Invalid', 422, 'PodLogOptions "hello" is invalid: : Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified'],
    ['limitBytes=x', 'BadRequest', 400, 'strconv.ParseInt: parsing "x": invalid syntax'],
  ])('rejects %s before asking the kubelet', async (query, reason, code, message) => {
    const k = fakeKubelet([]);
    const { err } = await call(k, query);
    expect(err?.status).toMatchObject({ reason, code, message });
    expect(k.seen).toEqual([]);
  });

  it('turns the kubelet\'s 400 into BadRequest with its text', async () => {
    const msg = 'container "hello" in pod "hello" is waiting to start: ContainerCreating';
    const { err } = await call(fakeKubelet([], { code: 400, message: msg }), '');
    expect(err?.status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: msg, reason: 'BadRequest', code: 400 });
  });
});

describe('responseError (GenericHttpResponseChecker)', () => {
  it('404 and 500', () => {
    expect(responseError({ code: 404, message: 'pod "hello" does not exist' }, 'hello').status).toMatchObject({
      code: 404, reason: 'NotFound', message: 'the server could not find the requested resource ( pods/log hello)', details: { name: 'hello', kind: 'pods/log' },
    });
    expect(responseError({ code: 500, message: 'boom' }, 'hello').status).toMatchObject({ code: 500, reason: 'InternalError', message: 'Internal error occurred: boom' });
  });
});

describe('kubeletHandlers', () => {
  it('routes log to a running kubelet; exec, attach and stopped kubelets get no handler', () => {
    const k = fakeKubelet([]);
    const h = kubeletHandlers((node) => (node === 'node01' ? k : undefined));
    expect(h('node01', 'log')).toBeTypeOf('function');
    expect(h('node01', 'exec')).toBeUndefined();
    expect(h('node01', 'portforward')).toBeUndefined();
    expect(h('node02', 'log')).toBeUndefined();
  });
});
