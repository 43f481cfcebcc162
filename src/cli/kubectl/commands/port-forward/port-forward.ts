// kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...: PortForwardOptions' Complete,
// Validate and RunPortForward — the pod (a workload's or Service's most active one, waiting up to
// --pod-running-timeout), a Service's ports mapped to the pod's target ports and named ports to
// numbers, the pod running, then the forwarder over the pod's portforward subresource until
// SIGINT (exit 0) or until the connection is lost.
import type { Ctx } from '../../context.js';
import { objectPath } from '../../resource/paths.js';
import { requestJson } from '../../resource/request.js';
import { POD_RESOURCE, attachablePod, type Pod } from '../exec/pods.js';
import { dialPortForward } from './dial.js';
import { PortForwarder } from './forwarder.js';
import { checkUdpPorts, convertNamedPorts, parseAddresses, parsePorts, translateServicePorts, type PfPod, type PfService } from './ports.js';

interface PortForwardOptions {
  namespace: string;
  podName: string;
  ports: string[];
  addresses: string[];
}

async function complete(ctx: Ctx): Promise<PortForwardOptions> {
  if (ctx.args.length < 2) throw ctx.usageError('TYPE/NAME and list of ports are required for port-forward');
  const { namespace } = await ctx.factory.namespace();
  const timeoutMs = ctx.int('pod-running-timeout');
  if (timeoutMs <= 0) throw ctx.usageError('--pod-running-timeout must be higher than zero');
  const resource = ctx.args[0]!;
  const at = resource.indexOf('/');
  const r = await (await ctx.factory.mapper(4)).resolve(at < 0 ? 'pods' : resource.slice(0, at));
  const name = at < 0 ? resource : resource.slice(at + 1);
  const client = await ctx.factory.client();
  const pod = await attachablePod(client, r, namespace, name, timeoutMs);
  const wanted = ctx.args.slice(1);
  let ports: string[];
  if (r.resource === 'services' && !r.group) {
    const svc = await requestJson<PfService>(client, 'GET', objectPath(r, namespace, name));
    checkUdpPorts(wanted, { kind: 'service', svc });
    ports = translateServicePorts(wanted, svc, pod as PfPod);
  } else {
    checkUdpPorts(wanted, { kind: 'pod', pod: pod as PfPod });
    ports = convertNamedPorts(wanted, pod as PfPod);
  }
  return { namespace, podName: pod.metadata.name ?? '', ports, addresses: ctx.list('address') };
}

function validate(o: PortForwardOptions): void {
  if (!o.podName) throw new Error('pod name or resource type/name must be specified');
  if (o.ports.length < 1) throw new Error('at least 1 PORT is required for port-forward');
}

/** Aborted at the first SIGINT (os.Interrupt), as the real command's signal.Notify. */
function interrupt(): { signal: AbortSignal; release(): void } {
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once('SIGINT', onSignal);
  return { signal: ac.signal, release: () => process.off('SIGINT', onSignal) };
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await complete(ctx);
  validate(o);
  const client = await ctx.factory.client();
  const pod = await requestJson<Pod>(client, 'GET', objectPath(POD_RESOURCE, o.namespace, o.podName));
  if (pod.status?.phase !== 'Running') throw new Error(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);
  const stop = interrupt();
  try {
    if (o.addresses.length === 0) throw new Error('you must specify at least 1 address');
    const addresses = parseAddresses(o.addresses);
    const ports = parsePorts(o.ports);
    const websockets = (ctx.io.env.KUBECTL_PORT_FORWARD_WEBSOCKETS ?? '').toLowerCase() !== 'false';
    const session = await dialPortForward(client.config, objectPath(POD_RESOURCE, o.namespace, o.podName, 'portforward'), websockets, ctx.factory.klog);
    const forwarder = new PortForwarder(session, addresses, ports, ctx.io.stdout, ctx.io.stderr);
    try {
      await forwarder.forward(stop.signal);
    } finally {
      forwarder.close();
    }
  } finally {
    stop.release();
  }
  return 0;
}
