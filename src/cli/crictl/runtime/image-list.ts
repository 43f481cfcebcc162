// ListImages (cmd/crictl/image.go): the runtime's list sorted by first repo tag / digest / ID,
// then crictl's own --filter conditions (dangling, reference, before, since).
import type { CriClient } from '../../../client/cri/client.js';
import type { Image } from '../../../client/cri/types.js';

function less(a: Image, b: Image): boolean {
  if (a.repoTags.length > 0 && b.repoTags.length > 0) return a.repoTags[0]! < b.repoTags[0]!;
  if (a.repoDigests.length > 0 && b.repoDigests.length > 0) return a.repoDigests[0]! < b.repoDigests[0]!;
  return a.id < b.id;
}

export function normalizeRepoDigest(digests: string[]): [string, string] {
  if (digests.length === 0) return ['<none>', '<none>'];
  const pair = digests[0]!.split('@');
  if (pair.length !== 2) return ['errorName', 'errorRepoDigest'];
  return [pair[0]!, pair[1]!];
}

export function normalizeRepoTagPair(tags: string[], imageName: string): [string, string][] {
  if (tags.length === 0) return [[imageName, '<none>']];
  return tags.map((tag): [string, string] => {
    const idx = tag.lastIndexOf(':');
    if (idx === -1) return ['errorRepoTag', 'errorRepoTag'];
    const name = tag.slice(0, idx);
    return [name === '<none>' ? imageName : name, tag.slice(idx + 1)];
  });
}

function beforeSince(value: string, list: Image[]): Image[] {
  const out: Image[] = [];
  const colon = value.includes(':');
  const at = value.includes('@');
  for (const img of list) {
    if (colon && !at) {
      const pairs = normalizeRepoTagPair(img.repoTags, normalizeRepoDigest(img.repoDigests)[0]);
      if (pairs[0]!.join(':') === value) break;
      out.push(img);
    }
    if (!colon && !at) {
      if (img.id.startsWith(value)) break;
      out.push(img);
    }
    if (colon && at && img.repoDigests.length > 0) {
      if (img.repoDigests[0]!.startsWith(value)) break;
      out.push(img);
    }
  }
  return out;
}

function byReference(value: string, list: Image[]): Image[] {
  const re = new RegExp(value);
  return list.filter((img) => {
    const name = normalizeRepoDigest(img.repoDigests)[0];
    return re.test(name) || name === value;
  });
}

function applyFilter(filter: string, list: Image[]): Image[] {
  const [key, ...rest] = filter.split('=');
  const value = rest.join('=');
  switch (filter.includes('=') ? key : '') {
    case 'before':
      return beforeSince(value, [...list].reverse()).reverse();
    case 'dangling':
      return list.filter((i) => (value === 'true' && i.repoTags.length === 0) || (value === 'false' && i.repoTags.length > 0));
    case 'reference':
      return byReference(value, list);
    case 'since':
      return beforeSince(value, list);
    default:
      throw new Error(`unknown filter flag: ${filter}`);
  }
}

/** The images crictl lists; rejects with the RPC error, or `filter images: …`. */
export async function listImagesSorted(client: CriClient, name: string, filters: string[]): Promise<Image[]> {
  const res = await client.listImages({ filter: { image: { image: name } } });
  let images = [...res.images].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  if (filters.length > 0 && images.length > 0) {
    try {
      for (const f of filters) images = applyFilter(f, images);
    } catch (err) {
      throw new Error(`filter images: ${(err as Error).message}`);
    }
  }
  return images;
}
