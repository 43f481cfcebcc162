// kubectl version: the client's version (an upstream v1.32.4 build), Kustomize's, and the
// server's /version; -o json (2-space indent, as version prints it) or yaml; the skew warning.
import { toKubectlYaml } from '../../../printers/yaml.js';
import type { Ctx } from '../context.js';
import { requestJson } from '../resource/request.js';

export const CLIENT_VERSION = {
  major: '1', minor: '32', gitVersion: 'v1.32.4', gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean', buildDate: '2025-04-22T15:56:41Z', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64',
};
const KUSTOMIZE = 'v5.5.0';

interface VersionInfo { major?: string; minor?: string; gitVersion?: string }

function skewWarning(server: VersionInfo): string {
  const minor = Number.parseInt(server.minor ?? '', 10);
  if (server.major !== '1' || Number.isNaN(minor) || Math.abs(minor - 32) <= 1) return '';
  return `WARNING: version difference between client (1.32) and server (${server.major}.${minor}) exceeds the supported minor version skew of +/-1\n`;
}

export async function run(ctx: Ctx): Promise<number> {
  const output = ctx.str('output');
  if (output !== '' && output !== 'json' && output !== 'yaml') throw new Error(`--output must be 'yaml' or 'json'`);
  let server: VersionInfo | undefined;
  let failure: unknown;
  if (!ctx.bool('client')) {
    // Complete's ToDiscoveryClient: a config that cannot be used fails before anything is printed
    const client = await ctx.factory.client();
    try {
      server = await requestJson<VersionInfo>(client, 'GET', '/version?timeout=32s');
    } catch (err) {
      failure = err;
    }
  }
  const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE };
  if (server) doc.serverVersion = server;
  if (output === 'json') ctx.io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  else if (output === 'yaml') ctx.io.stdout.write(`${toKubectlYaml(doc)}\n`);
  else {
    ctx.io.stdout.write(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE}\n`);
    if (server) ctx.io.stdout.write(`Server Version: ${server.gitVersion ?? ''}\n`);
  }
  if (server) ctx.io.stderr.write(skewWarning(server));
  if (failure !== undefined) throw failure;
  return 0;
}
