// kubectl create secret docker-registry NAME --docker-server --docker-username
// --docker-password [--docker-email] | --from-file=[key=]path: a kubernetes.io/dockerconfigjson
// Secret whose .dockerconfigjson is {"auths":{server:{username,password,email,auth}}}.
import type { Ctx } from '../../context.js';
import { goCompactJson } from './go-json.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishSecret, secretData } from './secret.js';
import { addFileSources } from './sources.js';

const KEY = '.dockerconfigjson';

/** handleDockerCfgJSONContent: json.Marshal of the config, empty fields left out. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  if (auth) entry.auth = auth;
  return goCompactJson({ auths: { [server]: entry } });
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  const files = ctx.list('from-file').map((f) => (f.includes('=') ? f : `${KEY}=${f}`));
  const [username, password, email, server] = ['docker-username', 'docker-password', 'docker-email', 'docker-server'].map((f) => ctx.str(f)) as [string, string, string, string];
  if (name === '') throw new Error('name must be specified');
  if (files.length === 0 && (username === '' || password === '' || server === '')) {
    throw new Error('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const sink = secretData();
  if (files.length > 0) addFileSources(sink, files, ctx.io.cwd);
  else sink.text(KEY, dockerConfigJson(username, password, email, server));
  return finishSecret(ctx, s, { name, type: 'kubernetes.io/dockerconfigjson', data: sink.data, appendHash: ctx.bool('append-hash') });
}
