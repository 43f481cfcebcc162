// Go's wording of a failed DNS lookup names the resolver's first nameserver.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainName, nameserverSuffix, transportError } from './transport-error.js';

describe('nameserverSuffix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-resolv-'));
  const conf = (text: string): string => {
    const p = join(dir, `r${Math.random()}`);
    writeFileSync(p, text);
    return p;
  };
  it.each([
    ['# generated\nsearch example.com\nnameserver 10.255.255.53\nnameserver 8.8.8.8\n', ' on 10.255.255.53:53'],
    ['nameserver fd00::53\n', ' on [fd00::53]:53'],
    ['search x\n', ''],
  ])('%j', (text, want) => {
    expect(nameserverSuffix(conf(text))).toBe(want);
  });
  it('is empty without a resolv.conf', () => {
    expect(nameserverSuffix(join(dir, 'missing'))).toBe('');
  });
});

describe('isDomainName (net)', () => {
  it('takes DNS names and refuses the rest, as Go does before asking any server', () => {
    expect(['example.com', 'a-b.c', 'x_y', 'localhost', 'a.b.'].map(isDomainName)).toEqual([true, true, true, true, true]);
    expect(['ince=1h', 'a..b', '-a.b', 'a-.b', '1.2.3', '', 'a b'].map(isDomainName)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('transportError', () => {
  it('words a connection closed before any answer as Go does: EOF', () => {
    const err = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(transportError('DELETE', new URL('http://127.0.0.1:6443/x'), err).message).toContain('EOF');
  });
});
