// kubectl create secret tls NAME --cert=path --key=path: a kubernetes.io/tls Secret holding
// tls.crt and tls.key once the pair passes tls.X509KeyPair.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Ctx } from '../../context.js';
import { goErrno } from './go-strings.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishSecret } from './secret.js';
import { checkKeyPair } from './tls-pair.js';

function readFile(cwd: string, path: string): Buffer {
  try {
    return readFileSync(isAbsolute(path) ? path : join(cwd, path));
  } catch (err) {
    throw new Error(`Cannot read file ${path}, open ${path}: ${goErrno(err)}`);
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  const [certPath, keyPath] = [ctx.str('cert'), ctx.str('key')];
  if (keyPath === '' || certPath === '') throw new Error('key and cert must be specified');
  const cert = readFile(ctx.io.cwd, certPath);
  const key = readFile(ctx.io.cwd, keyPath);
  checkKeyPair(cert, key);
  const data = { 'tls.crt': cert.toString('base64'), 'tls.key': key.toString('base64') };
  return finishSecret(ctx, s, { name, type: 'kubernetes.io/tls', data, appendHash: ctx.bool('append-hash') });
}
