import { describe, expect, it } from 'vitest';
import { placeManagedFields } from './field-manager.js';

const MF = [{ manager: 'm' }];

describe('placeManagedFields', () => {
  it.each([
    ['replaces the entries where the request has them', { name: 'a', managedFields: [], labels: {} }, { name: 'a', managedFields: [], labels: {} }, ['name', 'managedFields', 'labels']],
    ['puts them where the stored object has them', { name: 'a', labels: {} }, { name: 'a', managedFields: [], labels: {} }, ['name', 'managedFields', 'labels']],
    ['appends them to a new object', { name: 'a', labels: {} }, undefined, ['name', 'labels', 'managedFields']],
    ['appends them when they are last in the stored object', { name: 'a', labels: {} }, { name: 'a', labels: {}, managedFields: [] }, ['name', 'labels', 'managedFields']],
  ])('%s', (_name, meta, live, keys) => {
    const m: Record<string, unknown> = { ...meta };
    placeManagedFields(m, MF, live);
    expect(Object.keys(m)).toEqual(keys);
    expect(m.managedFields).toBe(MF);
  });

  it('removes them when none are left', () => {
    const m: Record<string, unknown> = { name: 'a', managedFields: [] };
    placeManagedFields(m, undefined, undefined);
    expect(m).toEqual({ name: 'a' });
  });
});
