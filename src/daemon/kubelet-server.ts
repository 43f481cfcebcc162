// What the apiserver reaches on a node's kubelet port. pods/log goes to the running kubelet as
// upstream's LogREST and LocationStreamer do it: the options decoded and validated (400, 422
// Invalid), the kubelet's error answers turned into Status errors by the generic response
// checker (400 BadRequest with its text, 404 NotFound, 500 InternalError), the log sent as
// text/plain, chunked, each piece as it comes. exec and attach stream over the upgraded connection
// (api/http/exec.ts), port-forward over SPDY (api/http/portforward.ts). Anything else and any node
// whose kubelet is stopped get the unanswered-port error from the apiserver.
import type { KubeletHandler } from '../api/apiserver.js';
import type { Call } from '../api/http/server-context.js';
import { badRequest, internalError, invalid, StatusError } from '../api/errors.js';
import type { RunningKubelet } from '../kubelet/kubelet.js';
import type { KubeletHttpError, LogSink } from '../kubelet/logs/handler.js';
import { decodeLogOptions } from '../kubelet/logs/options.js';
import { serveStream } from '../api/http/exec.js';
import { servePortForward } from '../api/http/portforward.js';

/** The apiserver's kubelet resolver over the node's running kubelets. */
export function kubeletHandlers(running: (node: string) => RunningKubelet | undefined): (node: string, subresource: string) => KubeletHandler | undefined {
  return (node, subresource) => {
    const k = running(node);
    if (!k) return undefined;
    if (subresource === 'log') return (c) => serveLogs(k, c);
    const stream = subresource === 'exec' || subresource === 'attach' ? k[subresource] : undefined;
    if (stream) return (c) => serveStream(c, stream);
    if (subresource === 'portforward' && k.portForward) return (c) => servePortForward(c, k.portForward!);
    return undefined;
  };
}

export async function serveLogs(k: RunningKubelet, c: Call): Promise<Error | undefined> {
  const d = decodeLogOptions(c.query);
  if (!d.ok) return badRequest(d.message);
  if (d.problems.length) return invalid('PodLogOptions', '', 'PodLogOptions', c.info.name, d.problems);
  const req = { namespace: c.info.namespace, name: c.info.name, container: d.options.container ?? '', options: d.options };
  const err = await k.containerLogs(req, responseSink(c));
  return err ? responseError(err, c.info.name) : undefined;
}

/** GenericHttpResponseChecker.Check on the kubelet's answer (it only answers 400, 404 and 500). */
export function responseError(e: KubeletHttpError, name: string): StatusError {
  if (e.code === 400) return badRequest(e.message);
  if (e.code !== 404) return internalError(e.message);
  return new StatusError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound',
    message: `the server could not find the requested resource ( pods/log ${name})`, details: { name, kind: 'pods/log' },
  });
}

function responseSink(c: Call): LogSink {
  const ac = new AbortController();
  c.res.on('close', () => ac.abort());
  const open = () => !c.res.destroyed && !c.res.writableEnded;
  return {
    signal: ac.signal,
    start() {
      c.res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
      c.res.flushHeaders();
    },
    write: (chunk) => {
      if (open()) c.res.write(chunk);
    },
    end: () => {
      if (open()) c.res.end();
    },
  };
}
