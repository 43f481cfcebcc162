// The cluster's context in the user's kubeconfig, as kind writes its own: cluster, user and
// context all named kubedojo-<name>, made current, in $KUBECONFIG's first file or ~/.kube/config.
import { readFileSync } from 'node:fs';
import { entryFromKubeconfig, kubedojoEntryName, mergeKubeconfig, parseKubeconfig, resolveKubeconfigPath } from '../../client/kubeconfig.js';
import type { ClusterPaths } from '../../daemon/paths.js';
import type { Context } from './context.js';

/** Merges the cluster's admin.conf into the user's kubeconfig; returns that file. */
export async function setKubectlContext(ctx: Context, paths: ClusterPaths): Promise<string> {
  const admin = parseKubeconfig(readFileSync(paths.adminConf, 'utf8'), paths.adminConf);
  const target = resolveKubeconfigPath(ctx.io.env as NodeJS.ProcessEnv);
  await mergeKubeconfig(target, entryFromKubeconfig(admin, kubedojoEntryName(paths.name)), { makeCurrent: true });
  return target;
}
