import { describe, expect, it } from 'vitest';

import { KIND_ROOTS } from './kinds.js';
import { lookupField, PATCH_TYPES, schemaForKind, type PatchSchema } from './lookup.js';

const REF = /^(opaque:[A-Za-z]+|map|[a-z]+\/v[0-9a-z]+\.[A-Za-z]+)$/;

function walk(path: string[]): ReturnType<typeof lookupField> {
  const [gvk, ...fields] = path;
  let schema = schemaForKind(parse(gvk as string)) as PatchSchema;
  let last = lookupField(schema, fields[0] as string);
  for (const field of fields.slice(1)) {
    schema = last.schema;
    last = lookupField(schema, field);
  }
  return last;
}

function parse(gvk: string): { group: string; version: string; kind: string } {
  const [gv = '', kind = ''] = gvk.split(', Kind=');
  const [group = '', version = ''] = gv.split('/');
  return { group, version, kind };
}

describe('patch metadata tables', () => {
  it('every type reference names a table entry (or map / opaque)', () => {
    const dangling: string[] = [];
    for (const [type, fields] of Object.entries(PATCH_TYPES)) {
      for (const [field, meta] of Object.entries(fields)) {
        const ref = meta.type;
        if (ref === undefined) continue;
        if (!REF.test(ref) || (!ref.startsWith('opaque:') && ref !== 'map' && !(ref in PATCH_TYPES))) {
          dangling.push(`${type}.${field} → ${ref}`);
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  it('every kind root names a table entry with metadata', () => {
    for (const [gvk, root] of Object.entries(KIND_ROOTS)) {
      expect(PATCH_TYPES[root]?.metadata?.type, gvk).toBe('meta/v1.ObjectMeta');
    }
  });

  it('merge keys come with the merge strategy', () => {
    for (const [type, fields] of Object.entries(PATCH_TYPES)) {
      for (const [field, meta] of Object.entries(fields)) {
        if (meta.key !== undefined) expect(meta.strategy, `${type}.${field}`).toMatch(/^merge/);
      }
    }
  });

  // Spot checks against the v1.32 struct tags.
  it.each([
    [['/v1, Kind=Pod', 'spec', 'containers'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'spec', 'initContainers'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'spec', 'ephemeralContainers'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'spec', 'containers', 'ports'], 'merge', 'containerPort'],
    [['/v1, Kind=Pod', 'spec', 'containers', 'env'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'spec', 'containers', 'volumeMounts'], 'merge', 'mountPath'],
    [['/v1, Kind=Pod', 'spec', 'containers', 'volumeDevices'], 'merge', 'devicePath'],
    [['/v1, Kind=Pod', 'spec', 'volumes'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'spec', 'imagePullSecrets'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'spec', 'hostAliases'], 'merge', 'ip'],
    [['/v1, Kind=Pod', 'spec', 'tolerations'], '', ''],
    [['/v1, Kind=Pod', 'spec', 'topologySpreadConstraints'], 'merge', 'topologyKey'],
    [['/v1, Kind=Pod', 'spec', 'resourceClaims'], 'merge', 'name'],
    [['/v1, Kind=Pod', 'status', 'conditions'], 'merge', 'type'],
    [['/v1, Kind=Pod', 'metadata', 'finalizers'], 'merge', ''],
    [['/v1, Kind=Pod', 'metadata', 'ownerReferences'], 'merge', 'uid'],
    [['/v1, Kind=Service', 'spec', 'ports'], 'merge', 'port'],
    [['/v1, Kind=Node', 'spec', 'taints'], '', ''],
    [['/v1, Kind=Node', 'status', 'addresses'], 'merge', 'type'],
    [['/v1, Kind=ConfigMap', 'data'], '', ''],
    [['apps/v1, Kind=Deployment', 'spec', 'template', 'spec', 'containers', 'env'], 'merge', 'name'],
    [['apps/v1, Kind=StatefulSet', 'spec', 'volumeClaimTemplates'], '', ''],
    [['batch/v1, Kind=CronJob', 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'volumes'], 'merge', 'name'],
    [['policy/v1, Kind=PodDisruptionBudget', 'spec', 'selector'], 'replace', ''],
  ])('%j: strategy %j, key %j', (path, strategy, mergeKey) => {
    expect(walk(path)).toMatchObject({ meta: { strategy, mergeKey } });
  });

  it('has no schema for custom resources', () => {
    expect(schemaForKind({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
  });
});
