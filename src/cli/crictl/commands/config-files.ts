// The container and pod config files of create/run/runp/pull --pod-config (JSON or YAML, keys as
// the Go structs' JSON tags, i.e. snake_case), and registry credentials (getAuth).
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import type { Ctx } from '../context.js';
import { ProtoJson } from '../format/protojson.js';
import { readAll } from '../../shared/io.js';

async function readConfigFile(ctx: Ctx, path: string): Promise<unknown> {
  const host = isAbsolute(path) ? path : join(ctx.io.cwd, path);
  let text: string;
  try {
    text = await readFile(host, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`config at ${path} not found`);
    throw new Error(`open ${path}: ${(err as Error).message}`);
  }
  return parse(text) as unknown;
}

async function decode(ctx: Ctx, path: string, type: string): Promise<Record<string, unknown>> {
  const raw = await readConfigFile(ctx, path);
  const pj = await ProtoJson.load();
  return pj.fromGoJson(type, raw);
}

export async function loadPodConfig(ctx: Ctx, path: string): Promise<Record<string, unknown>> {
  const config = await decode(ctx, path, 'runtime.v1.PodSandboxConfig');
  const m = config.metadata as Record<string, unknown> | undefined;
  if (!m) throw new Error('metadata is not set');
  if (!m.name || !m.namespace || !m.uid) {
    throw new Error(`name, namespace or uid is not in metadata "&PodSandboxMetadata{Name:${m.name ?? ''},Uid:${m.uid ?? ''},Namespace:${m.namespace ?? ''},Attempt:${m.attempt ?? 0},}"`);
  }
  return config;
}

export async function loadContainerConfig(ctx: Ctx, path: string): Promise<Record<string, unknown>> {
  const config = await decode(ctx, path, 'runtime.v1.ContainerConfig');
  const m = config.metadata as Record<string, unknown> | undefined;
  if (!m) throw new Error('metadata is not set');
  if (!m.name) throw new Error(`name is not in metadata "&ContainerMetadata{Name:,Attempt:${m.attempt ?? 0},}"`);
  return config;
}

function parseCreds(creds: string): { username: string; password: string } {
  const i = creds.indexOf(':');
  if (i < 0) return { username: creds, password: '' };
  if (i === 0) throw new Error("username can't be empty");
  return { username: creds.slice(0, i), password: creds.slice(i + 1) };
}

/** getAuth: --username asks for the password on stdin; --creds and --auth exclude each other. */
export async function getAuth(ctx: Ctx, creds: string, auth: string, username: string): Promise<Record<string, string> | null> {
  if (username !== '') {
    ctx.out('Enter Password:');
    const password = (await readAll(ctx.io.stdin)).toString('utf8').split('\n')[0] ?? '';
    ctx.out('\n');
    return { username, password };
  }
  if (creds !== '' && auth !== '') throw new Error('both `--creds` and `--auth` are specified');
  if (creds !== '') return parseCreds(creds);
  if (auth !== '') return { auth };
  return null;
}
