// delete --interactive: list what would be deleted, ask `Do you want to continue? (y/n): ` and
// read one word from stdin; only `y` (any case) goes on, and only with the objects shown.
import type { Ctx } from '../../context.js';
import { readAll } from '../../../shared/io.js';
import { reportable } from '../mutate/aggregate.js';
import type { Result } from '../mutate/builder-visit.js';
import { isNotFoundError, kindString, type Info } from '../mutate/info.js';
import type { DeleteOptions } from './options.js';

export const locationKey = (info: Info): string => `${info.mapping?.resource}.${info.mapping?.group}/${info.namespace}/${info.name}`;

/** The objects confirmed for deletion, or undefined when there are none or the user said no. */
export async function confirmDeletion(ctx: Ctx, o: DeleteOptions, preview: Result): Promise<Set<string> | undefined> {
  if (o.ignoreNotFound) preview.ignoreErrors(isNotFoundError);
  const infos: Info[] = [];
  const err = await preview.visit(async (info) => {
    infos.push(info);
  });
  if (err) throw reportable(err);
  if (infos.length === 0) {
    ctx.io.stdout.write('No resources found\n');
    return undefined;
  }
  const out = ctx.io.stdout;
  out.write(`You are about to delete the following ${infos.length} resource(s):\n`);
  for (const info of infos) out.write(`${kindString(info.mapping!)}/${info.name}\n`);
  out.write('Do you want to continue? (y/n): ');
  const answer = (await readAll(ctx.io.stdin)).toString('utf8').trim().split(/\s+/)[0] ?? '';
  if (answer.toLowerCase() !== 'y') {
    out.write('deletion is cancelled\n');
    return undefined;
  }
  return new Set(infos.map(locationKey));
}
