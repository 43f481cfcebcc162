// kubectl cp SRC DEST: CopyOptions' Complete, Validate and Run — the file specs, one side in a
// pod and the other local, then the copy from or to the pod through `tar` run in its container.
import type { Ctx } from '../context.js';
import { extractFileSpec } from './cp/filespec.js';
import { copyFromPod } from './cp/from-pod.js';
import { copyToPod } from './cp/to-pod.js';

export async function run(ctx: Ctx): Promise<number> {
  const { namespace } = await ctx.factory.namespace();
  const client = await ctx.factory.client();
  if (ctx.args.length !== 2) throw new Error('source and destination are required');
  const src = extractFileSpec(ctx.args[0]!);
  const dest = extractFileSpec(ctx.args[1]!);
  if (src.podName && dest.podName) throw new Error('one of src or dest must be a local file specification');
  if (!src.file || !dest.file) throw new Error('filepath can not be empty');
  const streams = { stdout: ctx.io.stdout, stderr: ctx.io.stderr, cwd: ctx.io.cwd };
  const exec = (pod: { podName: string; podNamespace: string }) => ({
    client, namespace: pod.podNamespace || namespace, pod: pod.podName, container: ctx.str('container'), log: ctx.io.stderr,
  });
  if (src.podName) {
    await copyFromPod({ ...streams, exec: exec(src), src, dest: dest.file, maxTries: ctx.int('retries') });
    return 0;
  }
  if (dest.podName) {
    await copyToPod({ ...streams, exec: exec(dest), src: src.file, dest, noPreserve: ctx.bool('no-preserve') });
    return 0;
  }
  throw new Error('one of src or dest must be a remote file specification');
}
