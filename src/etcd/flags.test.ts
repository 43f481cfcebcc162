import { describe, expect, it } from 'vitest';
import { flag, parseFlags } from './flags.js';
import { clusterId, memberId } from './ids.js';

describe('etcd flags', () => {
  const run = (argv: string[], env: Record<string, string> = {}) => parseFlags(argv, env);

  it.each([
    [['--bogus'], { kind: 'flag-error', message: 'flag provided but not defined: -bogus' }],
    [['-bogus=1'], { kind: 'flag-error', message: 'flag provided but not defined: -bogus' }],
    [['--name'], { kind: 'flag-error', message: 'flag needs an argument: -name' }],
    [['--enable-v2=maybe'], { kind: 'flag-error', message: 'invalid boolean value "maybe" for -enable-v2: parse error' }],
    [['extra-arg'], { kind: 'invalid', message: "error verifying flags, 'extra-arg' is not a valid flag. See 'etcd --help'." }],
    [['-h'], { kind: 'help' }],
    [['--help'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
  ])('%j → %j', (argv, want) => {
    expect(run(argv)).toMatchObject(want);
  });

  it('reads Go-style values and defaults', () => {
    const r = run(['-name', 'n1', '--data-dir=/d', '--enable-v2', '--client-cert-auth=false']);
    if (r.kind !== 'run') throw new Error(r.kind);
    expect(flag(r.values, 'name')).toBe('n1');
    expect(flag(r.values, 'data-dir')).toBe('/d');
    expect(flag(r.values, 'enable-v2')).toBe('true');
    expect(flag(r.values, 'client-cert-auth')).toBe('false');
    expect(flag(r.values, 'listen-client-urls')).toBe('http://localhost:2379');
    expect(flag(r.values, 'max-request-bytes')).toBe('1572864');
  });

  it('takes ETCD_* variables for flags not given, and warns as etcd does', () => {
    const r = run(['--name', 'x'], { ETCD_NAME: 'y', ETCD_ENABLE_V2: 'true', ETCD_NOPE: '1' });
    if (r.kind !== 'run') throw new Error(r.kind);
    expect(flag(r.values, 'name')).toBe('x');
    expect(flag(r.values, 'enable-v2')).toBe('true');
    expect(r.warnings).toEqual(['recognized environment variable ETCD_NAME, but unused: shadowed by corresponding flag', 'unrecognized environment variable ETCD_NOPE=1']);
  });
});

describe('etcd IDs', () => {
  it('gives a default member the IDs a real etcd gives it', () => {
    const id = memberId(['http://localhost:2380'], 'etcd-cluster');
    expect(id.toString(16)).toBe('8e9e05c52164694d');
    expect(clusterId([id]).toString(16)).toBe('cdf818194e3a8c32');
  });
});
