// The certificate, key, token-file and exec-command paths of a stanza: made relative to the file
// the stanza is written to when they lie below it (RelativizeClusterLocalPaths and
// RelativizeAuthInfoLocalPaths), absolute otherwise.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ORIGIN, str, type Struct } from './model.js';

type Ref = [Struct, string];

function clusterRefs(c: Struct): Ref[] {
  return [[c, 'certificate-authority']];
}

function authRefs(u: Struct): Ref[] {
  const refs: Ref[] = [[u, 'client-certificate'], [u, 'client-key'], [u, 'tokenFile']];
  const exec = u.exec as Struct | null;
  if (exec && str(exec, 'command').includes('/')) refs.push([exec, 'command']);
  return refs;
}

/** filepath.Rel for clean absolute paths ('.' for the same path). */
function goRel(base: string, target: string): string {
  return relative(base, target) || '.';
}

function relativize(refs: Ref[], base: string): void {
  for (const [s, key] of refs) {
    const p = str(s, key);
    if (p === '') continue;
    const full = isAbsolute(p) ? p : join(base, p);
    const rel = goRel(base, full);
    if (!rel.startsWith('../')) s[key] = rel;
    else s[key] = full;
  }
}

function baseOf(stanza: Struct, cwd: string): string {
  return resolve(cwd, dirname(str(stanza, ORIGIN)));
}

export function relativizeClusterPaths(cluster: Struct, cwd: string): void {
  if (str(cluster, ORIGIN) === '') throw new Error(`no location of origin for ${str(cluster, 'server')}`);
  relativize(clusterRefs(cluster), baseOf(cluster, cwd));
}

export function relativizeAuthInfoPaths(user: Struct, cwd: string): void {
  if (str(user, ORIGIN) === '') throw new Error('no location of origin for the user');
  relativize(authRefs(user), baseOf(user, cwd));
}

/** For --flatten: a stanza's path resolved against its file's folder (MakeAbs, ResolvePath). */
export function resolveAgainstOrigin(stanza: Struct, path: string, cwd: string): string {
  return isAbsolute(path) ? path : join(baseOf(stanza, cwd), path);
}
