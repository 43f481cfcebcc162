import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeManaged, encodeManaged, isResetManagedFields, managerIdentifier, type ManagedFieldsEntry } from './managed.js';

// apimachinery v0.32.4 pkg/util/managedfields/internal/managedfields_test.go TestRoundTripManagedFields
const ROUND_TRIP = [
  `- apiVersion: v1
  fieldsType: FieldsV1
  fieldsV1:
    v:3:
      f:alsoPi: {}
    v:3.1415:
      f:pi: {}
    v:false:
      f:notTrue: {}
  manager: foo
  operation: Update
  time: "2001-02-03T04:05:06Z"
- apiVersion: v1beta1
  fieldsType: FieldsV1
  fieldsV1:
    i:5:
      f:i: {}
  manager: foo
  operation: Update
  time: "2011-12-13T14:15:16Z"
`,
  `- apiVersion: v1
  fieldsType: FieldsV1
  fieldsV1:
    f:spec:
      f:containers:
        k:{"name":"c"}:
          f:image: {}
          f:name: {}
  manager: foo
  operation: Apply
`,
  `- apiVersion: v1
  fieldsType: FieldsV1
  fieldsV1:
    f:spec:
      f:replicas: {}
  manager: foo
  operation: Update
  subresource: scale
`,
];

describe('managed fields entries', () => {
  it.each(ROUND_TRIP)('round-trips %s', (text) => {
    const entries = parse(text) as ManagedFieldsEntry[];
    expect(encodeManaged(decodeManaged(entries))).toEqual(entries);
  });

  it('encodes no entries as no managedFields', () => {
    expect(encodeManaged(decodeManaged(null))).toBeUndefined();
  });

  // TestBuildManagerIdentifier
  it.each([
    [{ apiVersion: 'v1', manager: 'foo', operation: 'Update' }, '{"manager":"foo","operation":"Update","apiVersion":"v1"}'],
    [{ apiVersion: 'v1', manager: 'foo', operation: 'Apply' }, '{"manager":"foo","operation":"Apply"}'],
    [{ apiVersion: 'apps/v1', manager: 'kubectl', operation: 'Update', subresource: 'scale' }, '{"manager":"kubectl","operation":"Update","apiVersion":"apps/v1","subresource":"scale"}'],
  ])('identifies %j as %s', (entry, id) => {
    expect(managerIdentifier(entry)).toBe(id);
  });

  it('sorts entries by operation, time, manager, apiVersion, subresource', () => {
    const e = (manager: string, operation: string, time: string, subresource?: string): ManagedFieldsEntry => ({
      manager, operation, apiVersion: 'v1', time, fieldsType: 'FieldsV1', fieldsV1: { 'f:a': {} }, ...(subresource ? { subresource } : {}),
    });
    const input = [e('b', 'Update', '2001-01-01T00:00:02Z'), e('a', 'Update', '2001-01-01T00:00:02Z', 'status'), e('z', 'Apply', '2001-01-01T00:00:09Z'), e('a', 'Update', '2001-01-01T00:00:01Z')];
    expect(encodeManaged(decodeManaged(input))!.map((x) => `${x.operation} ${x.manager} ${x.subresource ?? ''}`)).toEqual(['Apply z ', 'Update a ', 'Update a status', 'Update b ']);
  });

  it.each([
    [[{ manager: 'a', operation: 'Patch', apiVersion: 'v1', fieldsType: 'FieldsV1' }], 'operation must be `Apply` or `Update`'],
    [[{ manager: 'a', operation: 'Update', fieldsType: 'FieldsV1' }], 'apiVersion must not be empty'],
    [[{ manager: 'a', operation: 'Update', apiVersion: 'v1' }], 'missing fieldsType in managed fields entry 0'],
    [[{ manager: 'a', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV2' }], 'invalid fieldsType "FieldsV2" in managed fields entry 0'],
  ])('rejects %j: %s', (entries, message) => {
    expect(() => decodeManaged(entries)).toThrow(message);
  });

  it.each([
    [[], true],
    [[{}], true],
    [undefined, false],
    [[{ manager: 'a' }], false],
  ])('isResetManagedFields(%j) = %s', (v, reset) => {
    expect(isResetManagedFields(v)).toBe(reset);
  });
});
