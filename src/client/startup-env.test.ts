import { describe, expect, it } from 'vitest';
import { restoreStartupEnv, startupEnv } from './startup-env.js';

describe('startup env', () => {
  it('moves the variables node reads at start-up aside, and back', () => {
    const env = startupEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/x.pem', SSL_CERT_FILE: '/b.crt', SSL_CERT_DIR: '/d' });
    expect(env).toEqual({ PATH: '/bin', KUBEDOJO_NODE_EXTRA_CA_CERTS: '/x.pem', KUBEDOJO_SSL_CERT_FILE: '/b.crt', SSL_CERT_DIR: '/d' });
    const built: string[] = [];
    restoreStartupEnv(env, () => built.push(`store built with SSL_CERT_FILE=${env.SSL_CERT_FILE}`));
    expect(built).toEqual(['store built with SSL_CERT_FILE=undefined']);
    expect(env).toEqual({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/x.pem', SSL_CERT_FILE: '/b.crt', SSL_CERT_DIR: '/d' });
  });

  it('leaves unset what was unset or empty (as bin/* pass them), and builds nothing without SSL_CERT_FILE', () => {
    const env: NodeJS.ProcessEnv = { KUBEDOJO_NODE_EXTRA_CA_CERTS: '', KUBEDOJO_SSL_CERT_FILE: '' };
    let built = 0;
    restoreStartupEnv(env, () => built++);
    expect(env).toEqual({});
    expect(built).toBe(0);
  });
});
