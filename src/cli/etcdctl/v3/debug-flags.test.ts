import { describe, expect, it } from 'vitest';
import { debugDump, envName, flagValueString } from './debug-flags.js';

describe('--debug flag dump', () => {
  it('prints values as pflag does', () => {
    expect(flagValueString('duration', 2000)).toBe('2s');
    expect(flagValueString('duration', 0.1)).toBe('100µs');
    expect(flagValueString('bool', false)).toBe('false');
    expect(flagValueString('stringSlice', ['127.0.0.1:2379', '127.0.0.1:22379'])).toBe('[127.0.0.1:2379,127.0.0.1:22379]');
    expect(flagValueString('stringSlice', [])).toBe('[]');
    expect(flagValueString('string', '')).toBe('');
  });

  it('quotes slice items as encoding/csv does', () => {
    expect(flagValueString('stringSlice', ['a"b', ' c', 'd\ne', 'f'])).toBe('["a""b"," c","d\ne",f]');
  });

  it('sorts by name and names the variables as pkg/flags does', () => {
    expect(envName('insecure-skip-tls-verify')).toBe('ETCDCTL_INSECURE_SKIP_TLS_VERIFY');
    const out = debugDump([
      { name: 'write-out', type: 'string', value: 'simple' },
      { name: 'watch-key', type: 'string', value: '' },
      { name: 'cacert', type: 'string', value: '/x' },
    ]);
    expect(out).toBe('ETCDCTL_CACERT=/x\nETCDCTL_WATCH_KEY=\nETCDCTL_WRITE_OUT=simple\n');
  });
});
