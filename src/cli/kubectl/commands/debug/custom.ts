// --custom: a partial container spec (JSON or YAML) read into a corev1.Container, checked for the
// fields it may not set, and laid over the debug container as a strategic merge patch.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Ctx } from '../../context.js';
import { yamlToJson } from '../../../../printers/yaml/go-yaml-read.js';
import { firstTypeError, typedValue } from '../create/go-typed.js';
import { mergeMap } from '../apply/patch/merge.js';
import type { JsonMap } from '../apply/patch/values.js';
import { POD_LOOKUP, type DebugContainer, type DebugPod, type Json } from './pod.js';
import { goErrnoText } from '../../../../client/go-errno.js';

const CONTAINER = 'core/v1.Container';

const CONTAINER_LOOKUP = POD_LOOKUP.forStruct('spec').schema.forSlice('containers').schema;

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

function readText(ctx: Ctx, file: string): string {
  try {
    return readFileSync(resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = goErrnoText(e);
    throw new Error(`must pass a container spec json file for custom profile: ${e.code === 'EISDIR' ? 'read' : 'open'} ${file}: ${why}`);
  }
}

/** json.Unmarshal, then (on failure) sigs.k8s.io/yaml's Unmarshal: the container, or none for `null`. */
export function readCustomProfile(ctx: Ctx, file: string): Json | undefined {
  const text = readText(ctx, file);
  const invalid = (why: string) => new Error(`${file} does not contain a valid container spec: ${why}`);
  const parsed = yamlToJson(text);
  if ('error' in parsed) throw invalid(`error converting YAML to JSON: ${parsed.error}`);
  const v = parsed.value;
  if (v === null || v === undefined) return undefined;
  const decodeError = (why: string) => invalid(`error unmarshaling JSON: while decoding JSON: ${why}`);
  if (typeof v !== 'object' || Array.isArray(v)) throw decodeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type v1.Container`);
  const typeError = firstTypeError(CONTAINER, v);
  if (typeError) throw decodeError(typeError);
  return typedValue(CONTAINER, v) as Json;
}

/** Validate's rule for the custom profile. */
export function checkCustomProfile(c: Json): void {
  const set = (k: string) => (Array.isArray(c[k]) ? (c[k] as unknown[]).length > 0 : c[k] !== undefined && c[k] !== '' && c[k] !== null);
  if (['name', 'command', 'image', 'lifecycle', 'volumeDevices'].some(set)) {
    throw new Error('name, command, image, lifecycle and volume devices are not modifiable via custom profile');
  }
}

function overlay(list: DebugContainer[] | undefined, name: string, custom: Json, typeKey: string): boolean {
  const at = (list ?? []).findIndex((c) => c.name === name);
  if (!list || at < 0) return false;
  const patch = typedValue(CONTAINER, { ...custom, name }) as JsonMap;
  // StrategicMergePatch of the container's JSON (a copy: typed values are fresh objects).
  const merged = mergeMap(typedValue(typeKey, list[at]) as JsonMap, patch, CONTAINER_LOOKUP);
  list[at] = typedValue(typeKey, merged) as DebugContainer;
  return true;
}

/** applyCustomProfile: onto the pod's (regular) container of that name. */
export function applyCustomProfile(pod: DebugPod, name: string, custom: Json): void {
  if (!overlay(pod.spec.containers, name, custom, CONTAINER)) {
    throw new Error(`unable to find the ${name} container in the pod ${pod.metadata.name ?? ''}`);
  }
}

/** applyCustomProfileEphemeral: onto the pod's ephemeral container of that name. */
export function applyCustomProfileEphemeral(pod: DebugPod, name: string, custom: Json): void {
  if (!overlay(pod.spec.ephemeralContainers, name, custom, 'core/v1.EphemeralContainer')) {
    throw new Error(`unable to find the ${name} ephemeral container in the pod ${pod.metadata.name ?? ''}`);
  }
}
