// The run-pod/v1 generator (generateversioned.BasicPod): a pod labelled run=<name> (or --labels),
// one container named after the pod, args after `--` as args (or command with --command),
// --env in order, --port as the containerPort, dnsPolicy ClusterFirst.
import type { Obj } from '../../../../client/types.js';
import { isEnvVarName } from '../create/validation.js';

export interface PodParams {
  name: string;
  image: string;
  labels: string;
  annotations: string[];
  env: string[];
  args: string[];
  command: boolean;
  port: string;
  restart: string;
  imagePullPolicy: string;
  stdin: boolean;
  leaveStdinOpen: boolean;
  tty: boolean;
  privileged: boolean;
}

/** generate.ParseLabels: `k=v,k2=v2`. */
export function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new Error('unexpected empty label key');
    labels[kv[0]!] = kv[1]!;
  }
  return labels;
}

function parseEnvs(env: string[]): { name: string; value: string }[] {
  return env.map((e) => {
    const pos = e.indexOf('=');
    const name = pos < 0 ? '' : e.slice(0, pos);
    if (name === '' || isEnvVarName(name).length > 0) throw new Error(`invalid env: ${e}`);
    return { name, value: e.slice(pos + 1) };
  });
}

/** cmdutil.ParsePairs(pairs, "annotations", false) */
function parseAnnotations(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) out[p.slice(0, p.indexOf('='))] = p.slice(p.indexOf('=') + 1);
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new Error(`invalid annotations format: ${invalid.join(', ')}`);
  return out;
}

/** strconv.Atoi's error for a port that is not a number. */
function portNumber(port: string): number {
  if (!/^[+-]?\d+$/.test(port)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  return Number(port) | 0;
}

export function generatePod(p: PodParams): Obj {
  const env = parseEnvs(p.env);
  const annotations = parseAnnotations(p.annotations);
  const labels = p.labels !== '' ? parseLabels(p.labels) : { run: p.name };
  const container: Record<string, unknown> = {
    name: p.name, image: p.image, stdin: p.stdin, stdinOnce: !p.leaveStdinOpen && p.stdin, tty: p.tty,
    ...(p.privileged ? { securityContext: { privileged: true } } : {}),
  };
  if (p.args.length > 0) container[p.command ? 'command' : 'args'] = p.args;
  if (env.length > 0) container.env = env;
  if (p.imagePullPolicy !== '') container.imagePullPolicy = p.imagePullPolicy;
  if (p.port !== '') container.ports = [{ containerPort: portNumber(p.port) }];
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: p.name, labels, annotations },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: p.restart || 'Always' },
  };
}
