// kubectl apply edit-last-applied: the last-applied-configuration annotations in the editor.
import type { Ctx } from '../../context.js';
import { runApplyEdit } from '../edit/modes.js';

export const run = (ctx: Ctx): Promise<number> => runApplyEdit(ctx);
