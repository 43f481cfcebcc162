// crictl images: one row per repo tag (IMAGE, TAG, [DIGEST], IMAGE ID, SIZE, [PINNED]), -q, -v,
// -o json|yaml (anything else is the table).
import type { Image } from '../../../client/cri/types.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { TableDisplay, truncatedId } from '../format/table.js';
import { humanSizeWithPrecision } from '../format/units.js';
import { listImagesSorted, normalizeRepoDigest, normalizeRepoTagPair } from '../runtime/image-list.js';
import { outputListJson } from './ps.js';

export { listImagesSorted };

function verboseBlock(img: Image): string {
  let out = `ID: ${img.id}\n`;
  for (const t of img.repoTags) out += `RepoTags: ${t}\n`;
  for (const d of img.repoDigests) out += `RepoDigests: ${d}\n`;
  if (img.size !== '0' && img.size !== '') out += `Size: ${img.size}\n`;
  if (img.uid) out += `Uid: &Int64Value{Value:${img.uid.value},}\n`;
  if (img.username !== '') out += `Username: ${img.username}\n`;
  if (img.pinned) out += 'Pinned: true\n';
  return `${out}\n`;
}

function rows(ctx: Ctx, img: Image): string[][] {
  const [name, digest] = normalizeRepoDigest(img.repoDigests);
  const size = humanSizeWithPrecision(Number(img.size), 3);
  const noTrunc = ctx.bool('no-trunc');
  const id = noTrunc ? img.id : truncatedId(img.id, 'sha256:');
  const shownDigest = noTrunc ? digest : truncatedId(digest, 'sha256:');
  return normalizeRepoTagPair(img.repoTags, name).map(([repo, tag]) => {
    const row = [repo, tag];
    if (ctx.bool('digests')) row.push(shownDigest);
    row.push(id, size);
    if (ctx.bool('pinned')) row.push(String(img.pinned));
    return row;
  });
}

export async function images(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length > 1) return ctx.showHelp();
  const client = await ctx.connector.image();
  const list = await listImagesSorted(client, ctx.args[0] ?? '', ctx.slice('filter')).catch((err: unknown) => {
    throw wrapError('listing images', err);
  });
  const output = ctx.string('output');
  if (output === 'json' || output === 'yaml') return void (await outputListJson(ctx, 'runtime.v1.ListImagesResponse', { images: list }, output));
  const quiet = ctx.bool('quiet');
  const verbose = ctx.bool('verbose');
  const table = new TableDisplay();
  if (!verbose && !quiet) {
    table.addRow(['IMAGE', 'TAG', ...(ctx.bool('digests') ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE', ...(ctx.bool('pinned') ? ['PINNED'] : [])]);
  }
  for (const img of list) {
    if (quiet) ctx.out(`${img.id}\n`);
    else if (verbose) ctx.out(verboseBlock(img));
    else for (const r of rows(ctx, img)) table.addRow(r);
  }
  ctx.out(table.render());
}
