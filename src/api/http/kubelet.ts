// Until a node's kubelet serves them, kubelet-backed subresources (logs, exec, attach,
// port-forward) fail as they do upstream when the kubelet port does not answer.
import type { ObjectStorage } from '../storage/storage.js';
import type { Call } from './server-context.js';
import { node } from '../resources/node.js';
import { StatusError } from '../errors.js';
import { serveStream, streamRequest } from './exec.js';
import { servePortForward } from './portforward.js';
import { KubeletDialError, type StreamRequest } from './remotecommand.js';

const PATHS: Record<string, string> = { log: 'containerLogs', exec: 'exec', attach: 'attach', portforward: 'portForward', proxy: 'proxy' };

export function kubeletUnreachable(storage: ObjectStorage): (nodeName: string, c: Call) => Promise<Error | undefined> {
  return async (nodeName, c) => {
    const n = await storage.tryGet(node, undefined, nodeName);
    const addrs = ((n?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
    const ip = addrs.find((a) => a.type === 'InternalIP')?.address ?? nodeName;
    if (c.info.subresource === 'portforward') {
      const url = `https://${ip}:10250/portForward/${c.info.namespace}/${c.info.name}`;
      return servePortForward(c, async () => { throw new KubeletDialError(url, `dial tcp ${ip}:10250: connect: connection refused`); });
    }
    const stream = streamRequest(c);
    const container = stream.container || (((await c.s.storage.get(c.d, c.info.namespace, c.info.name)).spec as { containers?: { name: string }[] }).containers?.[0]?.name ?? '');
    const url = `https://${ip}:10250/${PATHS[c.info.subresource] ?? c.info.subresource}/${c.info.namespace}/${c.info.name}/${container}`;
    if (c.info.subresource === 'exec' || c.info.subresource === 'attach') {
      return serveStream(c, async () => { throw new KubeletDialError(url + kubeletQuery(stream), `dial tcp ${ip}:10250: connect: connection refused`); });
    }
    const message = `Get "${url}": dial tcp ${ip}:10250: connect: connection refused`;
    return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
  };
}

/** The kubelet URL's query for exec/attach, as the apiserver's streamParams encodes it (keys sorted). */
function kubeletQuery(r: StreamRequest): string {
  const params: [string, string][] = [
    ...r.command.map((v): [string, string] => ['command', v]),
    ...(r.stderr ? [['error', '1'] as [string, string]] : []),
    ...(r.stdin ? [['input', '1'] as [string, string]] : []),
    ...(r.stdout ? [['output', '1'] as [string, string]] : []),
    ...(r.tty ? [['tty', '1'] as [string, string]] : []),
  ];
  return params.length ? `?${new URLSearchParams(params).toString()}` : '';
}
