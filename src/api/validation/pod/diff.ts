// An approximation of go-cmp's cmp.Diff output as pod/PVC/PV immutability errors print it
// after their message (`- \tImage: "nginx:1.25",` / `+ \tImage: "nginx:1.26",`). Upstream's
// own output is deliberately unstable, so only its shape is reproduced.
import { goQuote } from '../govalue.js';
import { isObject, semanticEqual } from '../json.js';

const GO_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', tty: 'TTY', httpGet: 'HTTPGet', tcpSocket: 'TCPSocket', grpc: 'GRPC',
  fsGroup: 'FSGroup', ip: 'IP', os: 'OS', hostIP: 'HostIP', podIP: 'PodIP', uid: 'UID', apiVersion: 'APIVersion',
};
const TYPES: Record<string, string> = {
  containers: 'core.Container', initContainers: 'core.Container', ephemeralContainers: 'core.EphemeralContainer', volumes: 'core.Volume',
  env: 'core.EnvVar', ports: 'core.ContainerPort', volumeMounts: 'core.VolumeMount', tolerations: 'core.Toleration',
};

const goName = (k: string): string => GO_NAMES[k] ?? k.charAt(0).toUpperCase() + k.slice(1);

/** A compact Go-like rendering of a JSON value. */
function render(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `{${v.map(render).join(', ')}}`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).map((k) => `${goName(k)}: ${render(o[k])}`).join(', ')}}`;
}

const pad = (depth: number): string => '\t'.repeat(depth);

function identical(n: number, depth: number, what: string): string[] {
  return n ? [`  ${pad(depth)}... // ${n} identical ${what}${n === 1 ? '' : 's'}`] : [];
}

function diffStruct(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): string[] {
  const lines: string[] = [];
  let same = 0;
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (semanticEqual(a[k], b[k])) {
      same++;
      continue;
    }
    lines.push(...identical(same, depth, 'field'), ...diffField(goName(k), k, a[k], b[k], depth));
    same = 0;
  }
  return [...lines, ...identical(same, depth, 'field')];
}

function diffList(a: unknown[], b: unknown[], depth: number): string[] {
  const lines: string[] = [];
  let same = 0;
  a.forEach((x, i) => {
    if (semanticEqual(x, b[i])) {
      same++;
      return;
    }
    lines.push(...identical(same, depth, 'element'));
    same = 0;
    if (isObject(x) && isObject(b[i])) lines.push(`  ${pad(depth)}{`, ...diffStruct(x, b[i] as Record<string, unknown>, depth + 1), `  ${pad(depth)}},`);
    else lines.push(`- ${pad(depth)}${render(x)},`, `+ ${pad(depth)}${render(b[i])},`);
  });
  return [...lines, ...identical(same, depth, 'element')];
}

function diffField(name: string, jsonKey: string, a: unknown, b: unknown, depth: number): string[] {
  if (isObject(a) && isObject(b)) return [`  ${pad(depth)}${name}: {`, ...diffStruct(a, b, depth + 1), `  ${pad(depth)}},`];
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const t = TYPES[jsonKey] ? `[]${TYPES[jsonKey]}` : '';
    return [`  ${pad(depth)}${name}: ${t}{`, ...diffList(a, b, depth + 1), `  ${pad(depth)}},`];
  }
  const lines: string[] = [];
  if (a !== undefined) lines.push(`- ${pad(depth)}${name}: ${render(a)},`);
  if (b !== undefined) lines.push(`+ ${pad(depth)}${name}: ${render(b)},`);
  return lines;
}

/** cmp.Diff(old, new) for two JSON objects of the given Go type. */
export function structDiff(typeName: string, oldValue: Record<string, unknown>, newValue: Record<string, unknown>): string {
  return [`  ${typeName}{`, ...diffStruct(oldValue, newValue, 1), '  }', ''].join('\n');
}
