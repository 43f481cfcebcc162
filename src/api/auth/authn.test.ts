import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, authenticate } from './authn.js';
import type { TokenIssuer } from './tokens.js';

/** A TLS socket as the handler sees it, counting how often its certificate is read. */
function socket(authorized: boolean, subject?: Record<string, string | string[]>) {
  const s = { authorized, reads: 0, getPeerCertificate: () => (s.reads++, subject ? { subject } : {}) };
  return s;
}

const request = (sock: object, authorization?: string) => ({ socket: sock, headers: authorization ? { authorization } : {} }) as unknown as IncomingMessage;
const tokens = { verify: async (t: string) => (t === 'good' ? { namespace: 'ns', name: 'sa', uid: 'u1' } : undefined) } as unknown as TokenIssuer;
const sas = { serviceAccountUid: async () => 'u1' };

describe('authenticate', () => {
  it('takes the user from the client certificate, read once per connection', async () => {
    const sock = socket(true, { CN: 'jane', O: ['devs', 'ops'] });
    for (let i = 0; i < 3; i++) {
      expect(await authenticate(request(sock), tokens, sas, 0)).toEqual({ user: { name: 'jane', groups: ['devs', 'ops', 'system:authenticated'] } });
    }
    expect(sock.reads).toBe(1);
    // each request gets its own copy
    const a = (await authenticate(request(sock), tokens, sas, 0)) as { user: { groups: string[] } };
    a.user.groups.push('mutated');
    expect(await authenticate(request(sock), tokens, sas, 0)).toEqual({ user: { name: 'jane', groups: ['devs', 'ops', 'system:authenticated'] } });
  });

  it('a certificate the CA did not sign is refused, unless a token says who it is', async () => {
    const bad = socket(false, { CN: 'mallory' });
    expect(await authenticate(request(bad), tokens, sas, 0)).toEqual({ unauthorized: true });
    expect(await authenticate(request(bad, 'Bearer good'), tokens, sas, 0)).toMatchObject({ user: { name: 'system:serviceaccount:ns:sa', uid: 'u1' } });
    expect(await authenticate(request(bad, 'Bearer nope'), tokens, sas, 0)).toEqual({ unauthorized: true });
    expect(bad.reads).toBe(1);
  });

  it('no certificate and no token is anonymous', async () => {
    expect(await authenticate(request(socket(false)), tokens, sas, 0)).toEqual({ user: ANONYMOUS });
  });
});
