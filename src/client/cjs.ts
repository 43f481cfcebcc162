// Loading a CommonJS package with import(): Node gives its exports as named + default, a bundle
// only as default.

/** A CommonJS package's exports, whether imported by Node or from a bundle. */
export async function importCjs<T>(pending: Promise<T>): Promise<T> {
  const m = (await pending) as T & { default?: T };
  return m.default ?? m;
}
