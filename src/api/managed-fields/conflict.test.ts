import { describe, expect, it } from 'vitest';
import { conflictError, conflictMessage, printManager } from './conflict.js';
import { FieldSet } from './field-set.js';
import { fieldPE } from './path-element.js';
import { Conflicts } from './updater.js';

const FOO = '{"manager":"foo","operation":"Update","apiVersion":"v1","time":"2001-02-03T04:05:06Z"}';
const BAR = '{"manager":"bar","operation":"Apply"}';
const SCALE = '{"manager":"foo","operation":"Update","subresource":"scale","apiVersion":"v1","time":"2001-02-03T04:05:06Z"}';
const replicas = [fieldPE('spec'), fieldPE('replicas')];
const label = [fieldPE('metadata'), fieldPE('labels'), fieldPE('app')];

// apimachinery v0.32.4 pkg/util/managedfields/internal/conflict_test.go TestNewConflictError
describe('apply conflicts', () => {
  it.each([
    [FOO, '"foo" using v1 at 2001-02-03T04:05:06Z'],
    [BAR, '"bar"'],
    [SCALE, '"foo" with subresource "scale" using v1 at 2001-02-03T04:05:06Z'],
    ['{"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1"}', '"kube-controller-manager" using apps/v1'],
  ])('prints manager %s as %s', (id, text) => {
    expect(printManager(id)).toBe(text);
  });

  it('words one conflict', () => {
    expect(conflictMessage([{ manager: FOO, path: replicas }])).toBe('Apply failed with 1 conflict: conflict with "foo" using v1 at 2001-02-03T04:05:06Z: .spec.replicas');
    expect(conflictMessage([{ manager: SCALE, path: replicas }])).toBe('Apply failed with 1 conflict: conflict with "foo" with subresource "scale" using v1 at 2001-02-03T04:05:06Z: .spec.replicas');
  });

  it('groups several conflicts by sorted manager', () => {
    expect(conflictMessage([{ manager: FOO, path: replicas }, { manager: BAR, path: label }])).toBe(
      'Apply failed with 2 conflicts: conflicts with "bar":\n- .metadata.labels.app\nconflicts with "foo" using v1 at 2001-02-03T04:05:06Z:\n- .spec.replicas',
    );
  });

  it('answers 409 Conflict with FieldManagerConflict causes', () => {
    const err = conflictError(new Conflicts(new Map([[BAR, FieldSet.of(label)]])));
    expect(err.status).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "bar": .metadata.labels.app',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "bar"', field: '.metadata.labels.app' }] },
      code: 409,
    });
  });
});
