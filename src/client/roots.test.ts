import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { systemRoots } from './roots.js';

const pem = (n: number): string => `-----BEGIN CERTIFICATE-----\nQ0VSVA${n}==\n-----END CERTIFICATE-----`;

describe('systemRoots', () => {
  it('reads SSL_CERT_FILE and every file of SSL_CERT_DIR, not links to files beside them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubedojo-roots-'));
    try {
      const certs = join(dir, 'certs');
      const elsewhere = join(dir, 'share');
      mkdirSync(certs);
      mkdirSync(elsewhere);
      writeFileSync(join(dir, 'bundle.crt'), `${pem(1)}\n${pem(2)}\n`);
      writeFileSync(join(certs, 'own.pem'), `junk\n${pem(3)}\n`);
      writeFileSync(join(elsewhere, 'linked.crt'), pem(4));
      symlinkSync(join(elsewhere, 'linked.crt'), join(certs, 'linked.pem'));
      writeFileSync(join(certs, 'beside.pem'), pem(5));
      symlinkSync('beside.pem', join(certs, 'abcd1234.0'));
      const roots = systemRoots({ SSL_CERT_FILE: join(dir, 'bundle.crt'), SSL_CERT_DIR: `${certs}:${join(dir, 'missing')}` }, 'linux');
      expect(roots?.sort()).toEqual([pem(1), pem(2), pem(3), pem(4), pem(5)].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("trusts none when nothing is found, and Mozilla's list off Linux", () => {
    expect(systemRoots({ SSL_CERT_FILE: '/nonexistent/bundle', SSL_CERT_DIR: '/nonexistent' }, 'linux')).toEqual([]);
    expect(systemRoots({}, 'darwin')).toEqual(rootCertificates);
  });
});
