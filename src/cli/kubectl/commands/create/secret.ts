// kubectl create secret generic NAME [--type] [--from-literal] [--from-file] [--from-env-file]
// [--append-hash], and the Secret object the three secret generators share.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { goQuote } from './go-strings.js';
import { secretHash } from './hash.js';
import { completeCreate, nameFromArgs, type CreateSetup } from './options.js';
import { addEnvFileSources, addFileSources, addLiteralSources, type SourceSink } from './sources.js';
import { finishCreate } from './submit.js';
import { isConfigMapKey } from './validation.js';

/** Secret data, base64 as []byte marshals, filled through the sources. */
export function secretData(): SourceSink & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  const add = (key: string, bytes: Buffer): void => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) throw new Error(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (Object.hasOwn(data, key)) throw new Error(`cannot add key ${key}, another key by that name already exists`);
    data[key] = bytes.toString('base64');
  };
  return { data, text: (key, value) => add(key, Buffer.from(value, 'utf8')), file: add };
}

export interface SecretSpec {
  name: string;
  type: string;
  data: Record<string, string>;
  appendHash: boolean;
}

/** Builds, names (--append-hash), creates and prints a secret. */
export function finishSecret(ctx: Ctx, s: CreateSetup, spec: SecretSpec): Promise<number> {
  const name = spec.appendHash ? `${spec.name}-${secretHash(spec.name, spec.type, spec.data)}` : spec.name;
  const obj: Obj = {
    apiVersion: 'v1', kind: 'Secret',
    metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) },
    data: spec.data, type: spec.type,
  };
  return finishCreate(ctx, s, { group: '', version: 'v1', resource: 'secrets', namespaced: true }, obj, { failPrefix: 'failed to create secret ' });
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  const [files, literals, envFiles] = [ctx.list('from-file'), ctx.list('from-literal'), ctx.list('from-env-file')];
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw new Error('from-env-file cannot be combined with from-file or from-literal');
  const sink = secretData();
  addLiteralSources(sink, literals);
  addFileSources(sink, files, ctx.io.cwd);
  addEnvFileSources(sink, envFiles, ctx.io.cwd, ctx.io.env, 'env secret file cannot be a directory');
  return finishSecret(ctx, s, { name, type: ctx.str('type'), data: sink.data, appendHash: ctx.bool('append-hash') });
}
