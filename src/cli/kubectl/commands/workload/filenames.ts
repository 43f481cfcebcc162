// cmdutil.AddFilenameOptionFlags as the workload commands read it: -f, -R and -k.
import type { Ctx } from '../../context.js';
import type { FilenameOptions } from '../../resource/files.js';

export function filenameOptions(ctx: Ctx): FilenameOptions {
  return { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') };
}
