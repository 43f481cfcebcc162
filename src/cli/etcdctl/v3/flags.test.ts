import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags } from '../../shared/pflag.js';
import type { FlagSpec } from './spec.js';
import { stripFlags } from './tree.js';

const SPECS: FlagSpec[] = [
  { name: 'write-out', short: 'w', type: 'string', def: 'simple', usage: '' },
  { name: 'prefix', type: 'bool', def: 'false', usage: '' },
  { name: 'limit', type: 'int', def: '0', usage: '' },
  { name: 'command-timeout', type: 'duration', def: '5s', usage: '' },
  { name: 'endpoints', type: 'stringSlice', def: '[127.0.0.1:2379]', usage: '' },
];

describe('parseFlags (pflag)', () => {
  it('parses interspersed flags, shorthands and --', () => {
    const p = parseFlags(SPECS, ['k', '-wjson', '--prefix', '--limit', '3', '--', '-v']);
    expect(p.args).toEqual(['k', '-v']);
    expect(p.values.get('write-out')).toBe('json');
    expect(p.values.get('prefix')).toBe(true);
    expect(p.values.get('limit')).toBe(3);
    expect(p.dashAt).toBe(1);
  });

  it('keeps defaults and converts durations and slices', () => {
    const p = parseFlags(SPECS, ['--endpoints=a:1,b:2']);
    expect(p.values.get('command-timeout')).toBe(5000);
    expect(p.values.get('endpoints')).toEqual(['a:1', 'b:2']);
  });

  it.each([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['--limit'], 'flag needs an argument: --limit'],
    [['--limit', 'abc'], 'invalid argument "abc" for "--limit" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--command-timeout', '1x'], 'invalid argument "1x" for "--command-timeout" flag: time: unknown unit "x" in duration "1x"'],
  ])('%j fails with pflag text', (args, message) => {
    expect(() => parseFlags(SPECS, args)).toThrow(new FlagError(message));
  });
});

describe('stripFlags (cobra)', () => {
  it('lets an unknown flag swallow the next word', () => {
    expect(stripFlags(['--bogus', 'get', 'k'], SPECS)).toEqual(['k']);
    expect(stripFlags(['-w', 'json', 'get', '--prefix', 'k'], SPECS)).toEqual(['get', 'k']);
  });
});
