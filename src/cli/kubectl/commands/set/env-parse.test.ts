// set env's argument handling; the updateEnv cases are kubectl's own (pkg/cmd/set/helper_test.go).
import { describe, expect, it } from 'vitest';
import { envVarNameErrors, splitEnvironment, updateEnv } from './env-parse.js';

const e = (name: string) => ({ name, value: name });

describe('updateEnv', () => {
  it.each([
    ['add a new and remove another one', [e('env1')], [e('env2')], ['env1'], [e('env2')]],
    ['in a collection of multiple env, add a new and remove another one', [e('env1'), e('env2')], [e('env3')], ['env1'], [e('env2'), e('env3')]],
    ['items added are deduplicated', [e('env1')], [e('env2'), e('env2')], ['env1'], [e('env2')]],
    ['multi add and single remove', [e('env1')], [e('env2'), e('env2'), e('env2'), e('env3')], ['env1'], [e('env2'), e('env3')]],
    ['an existing one replaced in place', [e('env1'), e('env2')], [{ name: 'env1', value: 'x' }], [], [{ name: 'env1', value: 'x' }, e('env2')]],
  ])('%s', (_name, existing, add, remove, want) => {
    expect(updateEnv(existing, add, remove)).toEqual(want);
  });
});

describe('splitEnvironment', () => {
  it('takes resources first, then KEY=VALUE and KEY- items', () => {
    expect(splitEnvironment(['deploy/a', 'deploy/b', 'A=1', 'B-'])).toEqual({ resources: ['deploy/a', 'deploy/b'], envArgs: ['A=1', 'B-'] });
    expect(splitEnvironment(['A=1', 'deploy/b'])).toBeUndefined();
  });
});

describe('envVarNameErrors', () => {
  it.each([['MY_ENV.NAME', 0], ['my.env-name', 0], ['1X', 1], ['.', 1], ['..', 1], ['../a', 2]] as const)('%s: %d errors', (name, count) => {
    expect(envVarNameErrors(name)).toHaveLength(count);
  });
});
