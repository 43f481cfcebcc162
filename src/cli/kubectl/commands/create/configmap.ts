// kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file] [--append-hash]:
// files that are valid UTF-8 go to data, others to binaryData (base64).
import type { Ctx } from '../../context.js';
import { goQuote } from './go-strings.js';
import { configMapHash } from './hash.js';
import { completeCreate, nameFromArgs } from './options.js';
import { addEnvFileSources, addFileSources, addLiteralSources, type SourceSink } from './sources.js';
import { finishCreate } from './submit.js';
import { isConfigMapKey } from './validation.js';

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

function collector(name: string): SourceSink & { data: Record<string, string>; binaryData: Record<string, string> } {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const check = (key: string): void => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) throw new Error(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (Object.hasOwn(data, key)) throw new Error(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`);
    if (Object.hasOwn(binaryData, key)) throw new Error(`cannot add key ${goQuote(key)}, another key by that name already exists in BinaryData for ConfigMap ${goQuote(name)}`);
  };
  const text = (key: string, value: string): void => {
    check(key);
    data[key] = value;
  };
  const file = (key: string, bytes: Buffer): void => {
    if (isUtf8(bytes)) return text(key, bytes.toString('utf8'));
    check(key);
    binaryData[key] = bytes.toString('base64');
  };
  return { data, binaryData, text, file };
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  const [files, literals, envFiles] = [ctx.list('from-file'), ctx.list('from-literal'), ctx.list('from-env-file')];
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw new Error('from-env-file cannot be combined with from-file or from-literal');
  const sink = collector(name);
  addFileSources(sink, files, ctx.io.cwd);
  addLiteralSources(sink, literals);
  addEnvFileSources(sink, envFiles, ctx.io.cwd, ctx.io.env, 'env config file cannot be a directory');
  const finalName = ctx.bool('append-hash') ? `${name}-${configMapHash(name, sink.data, sink.binaryData)}` : name;
  const obj = {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: finalName, ...(s.explicitNs ? { namespace: s.namespace } : {}) },
    data: sink.data, binaryData: sink.binaryData,
  };
  return finishCreate(ctx, s, { group: '', version: 'v1', resource: 'configmaps', namespaced: true }, obj, { failPrefix: 'failed to create configmap: ' });
}
