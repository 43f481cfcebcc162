import { describe, expect, test } from 'vitest';
import { FlagParseError, parseFlags } from './parse.js';
import type { FlagSpec } from './types.js';

const FLAGS: FlagSpec[] = [
  { kind: 'bool', name: 'all', aliases: ['a'], usage: '' },
  { kind: 'bool', name: 'quiet', aliases: ['q'], usage: '' },
  { kind: 'string', name: 'output', aliases: ['o'], usage: '', value: 'table' },
  { kind: 'int64', name: 'tail', usage: '', value: -1 },
  { kind: 'duration', name: 'timeout', aliases: ['t'], usage: '', value: '2s' },
  { kind: 'slice', name: 'label', usage: '' },
  { kind: 'string', name: 'creds', usage: '', env: ['CRICTL_CREDS'] },
];

describe('urfave/Go flag parsing', () => {
  const cases: { args: string[]; short?: boolean; env?: Record<string, string>; values?: Record<string, unknown>; rest?: string[]; set?: string[] }[] = [
    { args: ['-a', '-q'], values: { all: true, quiet: true }, rest: [] },
    { args: ['-aq'], short: true, values: { all: true, quiet: true }, rest: [] },
    { args: ['--output=json', 'x'], values: { output: 'json' }, rest: ['x'] },
    { args: ['-output', 'yaml'], values: { output: 'yaml' }, rest: [] },
    { args: ['1c5d', '--tail', '5'], values: { tail: -1 }, rest: ['1c5d', '--tail', '5'] },
    { args: ['--tail', '2', '1c5d'], values: { tail: 2 }, rest: ['1c5d'] },
    { args: ['--', '-a'], values: { all: false }, rest: ['-a'] },
    { args: ['-', '-a'], values: { all: false }, rest: ['-', '-a'] },
    { args: ['--label', 'a=b,c=d', '--label', 'e=f'], values: { label: ['a=b', 'c=d', 'e=f'] }, rest: [] },
    { args: ['-t', '10s'], values: { timeout: 10000 }, set: ['timeout'] },
    { args: [], values: { timeout: 2000, output: 'table' }, set: [] },
    { args: ['-a=false'], values: { all: false }, set: ['all'] },
    { args: [], env: { CRICTL_CREDS: 'u:p' }, values: { creds: 'u:p' }, set: ['creds'] },
  ];
  test.each(cases)('$args', (c) => {
    const p = parseFlags(FLAGS, c.args, c.env ?? {}, c.short ?? false);
    for (const [k, v] of Object.entries(c.values ?? {})) expect(p.values.get(k)).toEqual(v);
    if (c.rest) expect(p.args).toEqual(c.rest);
    if (c.set) expect([...p.set].sort()).toEqual([...c.set].sort());
  });

  const errors: { args: string[]; short?: boolean; message: string }[] = [
    { args: ['-aq'], message: 'flag provided but not defined: -aq' },
    { args: ['-ax'], short: true, message: 'flag provided but not defined: -ax' },
    { args: ['-x'], short: true, message: 'flag provided but not defined: -x' },
    { args: ['--timeout', '10'], message: 'invalid value "10" for flag -timeout: parse error' },
    { args: ['-t', '10'], message: 'invalid value "10" for flag -t: parse error' },
    { args: ['--tail'], message: 'flag needs an argument: -tail' },
    { args: ['--tail', 'x'], message: 'invalid value "x" for flag -tail: parse error' },
    { args: ['-a=maybe'], message: 'invalid boolean value "maybe" for -a: parse error' },
    { args: ['---a'], message: 'bad flag syntax: ---a' },
    { args: ['-=x'], message: 'bad flag syntax: -=x' },
  ];
  test.each(errors)('error $args', (c) => {
    expect(() => parseFlags(FLAGS, c.args, {}, c.short ?? false)).toThrow(new FlagParseError(c.message));
  });
});
