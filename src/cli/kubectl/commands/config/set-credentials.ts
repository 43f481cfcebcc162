// kubectl config set-credentials NAME: creates or updates a user entry (client certificate and
// key, token, basic auth, auth provider, exec plugin).
import type { Ctx } from '../../context.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { configAccess, goList } from './access-from-ctx.js';
import { modifyAuthInfo, type CredentialOptions } from './credentials.js';
import type { Files } from './files.js';
import { newStruct } from './model.js';
import { modifyConfig } from './modify.js';
import { AUTH_INFO } from './types.js';

const STRING_FLAGS = ['client-certificate', 'client-key', 'token', 'username', 'password', 'auth-provider', 'exec-command', 'exec-api-version', 'exec-interactive-mode'];
const MODES = ['IfAvailable', 'Always', 'Never'];

/** cmdutil.ParsePairs with removal (`key-`). */
function parsePairs(args: string[], flag: string): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of args) {
    if (arg.includes('=') && !arg.startsWith('=')) {
      const at = arg.indexOf('=');
      set.set(arg.slice(0, at), arg.slice(at + 1));
    } else if (arg.endsWith('-') && arg !== '-') remove.push(arg.slice(0, -1));
    else invalid.push(arg);
  }
  if (invalid.length > 0) throw new Error(`invalid ${flag} format: ${invalid.join(', ')}`);
  return { set, remove };
}

function complete(ctx: Ctx): CredentialOptions {
  if (ctx.args.length !== 1) throw new Error(`unexpected args: ${goList(ctx.args)}`);
  const o: CredentialOptions = { given: new Map(), embed: ctx.bool('embed-certs') };
  for (const flag of STRING_FLAGS) if (ctx.changed(flag)) o.given.set(flag, ctx.str(flag));
  if (ctx.changed('exec-provide-cluster-info')) o.provideClusterInfo = ctx.bool('exec-provide-cluster-info');
  const providerArgs = ctx.list('auth-provider-arg');
  if (providerArgs.length > 0) o.authProviderArgs = parsePairs(providerArgs, 'auth-provider-arg');
  const execArgs = ctx.list('exec-arg');
  if (execArgs.length > 0) o.execArgs = execArgs;
  const env = ctx.list('exec-env');
  if (env.length > 0) o.execEnv = parsePairs(env, 'exec-env');
  return o;
}

async function statOrFail(files: Files, flag: string, path: string): Promise<void> {
  if (path !== '' && !(await files.exists(path))) {
    throw new Error(`could not stat ${flag} file ${path}: stat ${path}: no such file or directory`);
  }
}

async function validate(name: string, o: CredentialOptions, files: Files): Promise<void> {
  if (name === '') throw new Error('you must specify a non-empty user name');
  const methods: string[] = [];
  if ((o.given.get('token') ?? '') !== '') methods.push('--token');
  if ((o.given.get('username') ?? '') !== '' || (o.given.get('password') ?? '') !== '') methods.push('--username/--password');
  if (methods.length > 1) throw new Error(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
  if (o.embed) {
    const cert = o.given.get('client-certificate') ?? '';
    const key = o.given.get('client-key') ?? '';
    if (cert === '' && key === '') throw new Error('you must specify a --client-certificate or --client-key to embed');
    await statOrFail(files, 'client-certificate', cert);
    await statOrFail(files, 'client-key', key);
  }
  const mode = o.given.get('exec-interactive-mode');
  if (mode !== undefined && !MODES.includes(mode)) throw new Error('invalid interactive mode type, can be only IfAvailable, Never, Always');
}

export async function run(ctx: Ctx): Promise<number> {
  let o: CredentialOptions;
  try {
    o = complete(ctx);
  } catch (err) {
    ctx.io.stdout.write(ctx.spec.help);
    throw err;
  }
  const name = ctx.args[0]!;
  const access = configAccess(ctx);
  await validate(name, o, access.files);
  const cfg = await access.startingConfig();
  cfg.users.set(name, await modifyAuthInfo(cfg.users.get(name) ?? newStruct(AUTH_INFO), o, access.files));
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`User ${goQuote(name)} set.\n`);
  return 0;
}
