// Key paths of the v2 keyspace: rooted, cleaned like Go's path.Clean(path.Join("/", key)).

export const ROOT = '/';

export function cleanKey(key: string): string {
  const out: string[] = [];
  for (const seg of key.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return ROOT + out.join('/');
}

export function parentKey(key: string): string {
  const at = key.lastIndexOf('/');
  return at <= 0 ? ROOT : key.slice(0, at);
}

export function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export function childKey(dir: string, name: string): string {
  return dir === ROOT ? ROOT + name : `${dir}/${name}`;
}

/** Every non-root prefix of a clean key, shortest first: /a/b → [/a, /a/b]. */
export function keyPrefixes(key: string): string[] {
  const out: string[] = [];
  let at = key.indexOf('/', 1);
  while (at !== -1) {
    out.push(key.slice(0, at));
    at = key.indexOf('/', at + 1);
  }
  if (key !== ROOT) out.push(key);
  return out;
}

/** What a key's descendants start with: `/` for the root, `/a/` for `/a`. */
export function subtreePrefix(key: string): string {
  return key === ROOT ? ROOT : `${key}/`;
}

/** True when `key` lies strictly below `dir`. */
export function isBelow(dir: string, key: string): boolean {
  return key !== dir && key.startsWith(subtreePrefix(dir));
}

/** etcd hides names starting with `_` from listings and from watchers of their parents. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('_');
}

/** etcd's isHidden: does the part of keyPath below watchPath hold a hidden name? */
export function isHiddenBelow(watchPath: string, keyPath: string): boolean {
  if (watchPath.length > keyPath.length) return false;
  return cleanKey(`/${keyPath.slice(watchPath.length)}`).includes('/_');
}

/** The key POST creates: `<dir>/<index, zero-padded to 20 digits>`. */
export function inOrderKey(dir: string, index: number): string {
  return cleanKey(`${dir}/${String(index).padStart(20, '0')}`);
}

/** Go's string order (bytes of UTF-8), which etcd's sorted listing uses. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
