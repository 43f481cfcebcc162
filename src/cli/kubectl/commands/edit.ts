// kubectl edit TYPE NAME | -f FILE: the objects in $KUBE_EDITOR/$EDITOR, patched on save.
import type { Ctx } from '../context.js';
import { runNormalEdit } from './edit/modes.js';

export const run = (ctx: Ctx): Promise<number> => runNormalEdit(ctx);
