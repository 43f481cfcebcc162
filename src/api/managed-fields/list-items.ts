// How an item of an associative list is named (listItemToPathElement): by its key fields (a
// missing key takes the field's schema default, as `protocol: TCP` of container ports), or by its
// value in a set of scalars. Items that cannot be named fail with structured-merge-diff's words.
import { keyPE, type KeyField, type PathElement } from './path-element.js';
import type { ListType, Schema } from './schema-types.js';
import { isObject, type Json } from './values.js';

export class ItemError extends Error {
  override readonly name = 'ItemError';
}

function keyDefault(schema: Schema, list: ListType, field: string): unknown {
  const atom = schema.resolve(list.element);
  if (!atom) throw new ItemError(`couldn't find default value for ${field}: invalid elementType for list`);
  if (!atom.map) throw new ItemError(`couldn't find default value for ${field}: associative list may not have non-map types`);
  return atom.map.fields.get(field)?.default;
}

function keyedItem(schema: Schema, list: ListType, item: Json): PathElement {
  if (item === null) throw new ItemError('associative list with keys may not have a null element');
  if (!isObject(item)) throw new ItemError('associative list with keys may not have non-map elements');
  const fields: KeyField[] = [];
  for (const name of list.keys) {
    if (name in item) {
      fields.push([name, item[name]!]);
      continue;
    }
    const def = keyDefault(schema, list, name);
    if (def === undefined || def === null) {
      throw new ItemError(`associative list with keys has an element that omits key field ${JSON.stringify(name)} (and doesn't have default value)`);
    }
    fields.push([name, def as Json]);
  }
  return keyPE(fields);
}

function setItem(item: Json): PathElement {
  if (isObject(item)) throw new ItemError("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) throw new ItemError('not supported: associative list with lists as elements');
  if (item === null) throw new ItemError("associative list without keys has an element that's an explicit null");
  return { value: item };
}

/** listItemToPathElement; throws ItemError. */
export function listItemPE(schema: Schema, list: ListType, item: Json): PathElement {
  if (list.relationship !== 'associative') throw new ItemError('invalid indexing of non-associative list');
  return list.keys.length > 0 ? keyedItem(schema, list, item) : setItem(item);
}

/** The path elements of a list's items, in order (undefined where an item cannot be named). */
export function itemPEs(schema: Schema, list: ListType, items: readonly Json[]): (PathElement | undefined)[] {
  return items.map((item) => {
    try {
      return listItemPE(schema, list, item);
    } catch (err) {
      if (err instanceof ItemError) return undefined;
      throw err;
    }
  });
}
