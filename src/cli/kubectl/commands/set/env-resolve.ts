// set env --list (and --resolve): the `# Kind name, container c` header, then NAME=value lines,
// `# NAME from <source>` for references, or with --resolve the referenced values (secrets and
// config maps read from the command's namespace, field paths of the object itself, resource
// fields of the container), failures reported on stderr per error, names sorted.
import type { RestClient } from '../../../../client/rest.js';
import type { Io } from '../../../shared/io.js';
import { resourceFieldValue } from '../../../../printers/describe/resource-field.js';
import { requestJson } from '../../resource/request.js';
import { isQualifiedName } from '../mutate/validation.js';
import { rec, str, type Json } from '../workload/json-values.js';

/** GetEnvVarRefString. */
export function refString(from: Json): string {
  const cm = rec(from.configMapKeyRef);
  const sec = rec(from.secretKeyRef);
  if (from.configMapKeyRef) return `configmap ${str(cm.name)}, key ${str(cm.key)}`;
  if (from.secretKeyRef) return `secret ${str(sec.name)}, key ${str(sec.key)}`;
  if (from.fieldRef) return `field path ${str(rec(from.fieldRef).fieldPath)}`;
  if (from.resourceFieldRef) {
    const r = rec(from.resourceFieldRef);
    return `resource field ${str(r.containerName) === '' ? '' : `${str(r.containerName)}/`}${str(r.resource)}`;
  }
  return 'invalid valueFrom';
}

export class RefResolver {
  private readonly cache = new Map<string, Json>();

  constructor(private readonly client: RestClient, private readonly namespace: string) {}

  private async get(resource: string, name: string): Promise<Json> {
    const key = `${resource}/${name}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const obj = await requestJson<Json>(this.client, 'GET', `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/${resource}/${encodeURIComponent(name)}`);
    this.cache.set(key, obj);
    return obj;
  }

  private async keyRef(ref: Json, resource: 'secrets' | 'configmaps'): Promise<string> {
    const obj = await this.get(resource, str(ref.name));
    const data = rec(obj.data);
    const key = str(ref.key);
    if (!(key in data)) throw new Error(`key ${key} not found in ${resource === 'secrets' ? 'secret' : 'config map'} ${str(ref.name)}`);
    return resource === 'secrets' ? Buffer.from(str(data[key]), 'base64').toString('utf8') : str(data[key]);
  }

  /** GetEnvVarRefValue. */
  async value(from: Json, obj: Json, container: Json): Promise<string> {
    if (from.secretKeyRef) return this.keyRef(rec(from.secretKeyRef), 'secrets');
    if (from.configMapKeyRef) return this.keyRef(rec(from.configMapKeyRef), 'configmaps');
    if (from.fieldRef) return fieldPathValue(obj, str(rec(from.fieldRef).fieldPath));
    if (from.resourceFieldRef) return resourceValue(rec(from.resourceFieldRef), container);
    throw new Error('invalid valueFrom');
  }
}

/** extractContainerResourceValue: the container's own request or limit over the divisor. */
function resourceValue(ref: Json, container: Json): string {
  const value = resourceFieldValue(ref, container);
  if (value === undefined) throw new Error(`Unsupported container resource : ${str(ref.resource)}`);
  return value;
}

/** splitMaybeSubscriptedPath: `path['key']` split at its first `['`. */
function splitSubscript(path: string): [string, string] | undefined {
  if (!path.endsWith("']")) return undefined;
  const s = path.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

function subscriptValue(meta: Json, fieldPath: string, path: string, key: string): string {
  if (path !== 'metadata.annotations' && path !== 'metadata.labels') throw new Error(`fieldPath ${JSON.stringify(fieldPath)} does not support subscript`);
  const errs = isQualifiedName(path === 'metadata.annotations' ? key.toLowerCase() : key);
  if (errs.length > 0) throw new Error(`invalid key subscript in ${fieldPath}: ${errs.join(';')}`);
  return str(rec(path === 'metadata.annotations' ? meta.annotations : meta.labels)[key]);
}

const quoteMap = (m: Json): string => Object.keys(m).sort().map((k) => `${k}=${JSON.stringify(str(m[k]))}`).join('\n');

/** extractFieldPathAsString on the object the template belongs to. */
function fieldPathValue(obj: Json, path: string): string {
  const meta = rec(obj.metadata);
  const sub = splitSubscript(path);
  if (sub) return subscriptValue(meta, path, ...sub);
  switch (path) {
    case 'metadata.annotations': return quoteMap(rec(meta.annotations));
    case 'metadata.labels': return quoteMap(rec(meta.labels));
    case 'metadata.name': return str(meta.name);
    case 'metadata.namespace': return str(meta.namespace);
    case 'metadata.uid': return str(meta.uid);
    default: throw new Error(`unsupported fieldPath: ${path}`);
  }
}

/** The listing of one container; true when a reference could not be resolved. */
export async function listContainerEnv(io: Io, header: string, container: Json, resolver: RefResolver | undefined, obj: Json): Promise<boolean> {
  io.stdout.write(`${header}\n`);
  const env = (container.env ?? []) as Json[];
  const failures = new Map<string, string[]>();
  for (const e of env) {
    const name = str(e.name);
    if (!e.valueFrom) {
      io.stdout.write(`${name}=${str(e.value)}\n`);
      continue;
    }
    const from = rec(e.valueFrom);
    if (resolver) {
      try {
        io.stdout.write(`${name}=${await resolver.value(from, obj, container)}\n`);
        continue;
      } catch (err) {
        const msg = (err as Error).message;
        failures.set(msg, [...(failures.get(msg) ?? []), name]);
      }
    }
    io.stdout.write(`# ${name} from ${refString(from)}\n`);
  }
  const lines = [...failures].map(([msg, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${msg}`).sort();
  for (const l of lines) io.stderr.write(`${l}\n`);
  return failures.size > 0;
}
