import { describe, expect, it } from 'vitest';
import { cheapDefaultStore, restoreStartupEnv, startupEnv } from './startup-env.js';

describe('startup env', () => {
  it('moves the variables node reads at start-up aside, and back', () => {
    const env = startupEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/x.pem', SSL_CERT_FILE: '/b.crt', SSL_CERT_DIR: '/d' });
    expect(env).toEqual({ PATH: '/bin', KUBEDOJO_NODE_EXTRA_CA_CERTS: '/x.pem', KUBEDOJO_SSL_CERT_FILE: '/b.crt', SSL_CERT_FILE: '/dev/null', SSL_CERT_DIR: '/d' });
    restoreStartupEnv(env);
    expect(env).toEqual({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/x.pem', SSL_CERT_FILE: '/b.crt', SSL_CERT_DIR: '/d' });
  });

  it('builds the default store once, from the empty file, and gives SSL_CERT_FILE back', () => {
    const env = startupEnv({ SSL_CERT_FILE: '/b.crt' });
    restoreStartupEnv(env);
    const built: (string | undefined)[] = [];
    const build = (): number => built.push(env.SSL_CERT_FILE);
    cheapDefaultStore(env, build);
    cheapDefaultStore(env, build);
    expect(built).toEqual(['/dev/null']);
    expect(env).toEqual({ SSL_CERT_FILE: '/b.crt' });
  });

  it('leaves unset what was unset or empty (as bin/* pass them)', () => {
    const env: NodeJS.ProcessEnv = { KUBEDOJO_NODE_EXTRA_CA_CERTS: '', KUBEDOJO_SSL_CERT_FILE: '', SSL_CERT_FILE: '/dev/null' };
    restoreStartupEnv(env);
    expect(env).toEqual({});
    const built: (string | undefined)[] = [];
    cheapDefaultStore(env, () => built.push(env.SSL_CERT_FILE));
    expect(built).toEqual(['/dev/null']);
    expect(env).toEqual({});
  });

  it('changes nothing for a node started otherwise', () => {
    const env: NodeJS.ProcessEnv = { SSL_CERT_FILE: '/b.crt' };
    restoreStartupEnv(env);
    let built = 0;
    cheapDefaultStore(env, () => built++);
    expect(built).toBe(0);
    expect(env).toEqual({ SSL_CERT_FILE: '/b.crt' });
  });
});
