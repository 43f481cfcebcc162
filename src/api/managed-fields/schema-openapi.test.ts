import { describe, expect, it } from 'vitest';
import { OPENAPI_SCHEMA, rootType } from './schema-openapi.js';
import { fieldType, type Atom, type TypeRef } from './schema-types.js';

/** The atom at a dotted path of fields (list steps go to the element type). */
function at(ref: TypeRef, path: string[]): Atom {
  let atom = OPENAPI_SCHEMA.resolve(ref)!;
  for (const step of path) {
    const next = step === '[]' ? atom.list!.element : fieldType(atom.map!, step)!;
    atom = OPENAPI_SCHEMA.resolve(next)!;
  }
  return atom;
}

const pod = rootType('', 'v1', 'Pod');
const service = rootType('', 'v1', 'Service');
const deployment = rootType('apps', 'v1', 'Deployment');

describe('the apply schema from the published OpenAPI', () => {
  it.each([
    ['containers by name', pod, ['spec', 'containers'], 'associative', ['name']],
    ['container ports by containerPort and protocol (not the patch merge key alone)', pod, ['spec', 'containers', '[]', 'ports'], 'associative', ['containerPort', 'protocol']],
    ['Service ports by port and protocol', service, ['spec', 'ports'], 'associative', ['port', 'protocol']],
    ['finalizers as a set', pod, ['metadata', 'finalizers'], 'associative', []],
    ['tolerations atomic', pod, ['spec', 'tolerations'], 'atomic', []],
    ['container args atomic (no list type, no patch strategy)', pod, ['spec', 'containers', '[]', 'args'], 'atomic', []],
    ['env by name (patch strategy merge)', pod, ['spec', 'containers', '[]', 'env'], 'associative', ['name']],
  ] as const)('lists: %s', (_name, root, path, relationship, keys) => {
    const list = at(root, [...path]).list!;
    expect(list.relationship).toBe(relationship);
    expect(list.keys).toEqual(keys);
  });

  it.each([
    ['a label selector is an atomic map', deployment, ['spec', 'selector'], 'atomic'],
    ['labels are granular', deployment, ['metadata', 'labels'], 'separable'],
    ['a pod spec is granular', deployment, ['spec', 'template', 'spec'], 'separable'],
  ] as const)('maps: %s', (_name, root, path, relationship) => {
    expect(at(root, [...path]).map!.relationship).toBe(relationship);
  });

  it('takes protocol TCP as the default key of a container port', () => {
    expect(at(pod, ['spec', 'containers', '[]', 'ports', '[]']).map!.fields.get('protocol')!.default).toBe('TCP');
  });

  it('treats quantities, times and int-or-strings as untyped scalars', () => {
    expect(at(pod, ['spec', 'containers', '[]', 'resources', 'limits', 'cpu']).scalar).toBe('untyped');
    expect(at(pod, ['metadata', 'creationTimestamp']).scalar).toBe('untyped');
    expect(at(deployment, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']).scalar).toBe('untyped');
  });
});
