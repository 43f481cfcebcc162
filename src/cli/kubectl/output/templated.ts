// -o jsonpath / jsonpath-file / jsonpath-as-json / custom-columns / custom-columns-file /
// go-template: the template engines over the printed value (a List or the single object).
import type { Obj } from '../../../client/types.js';
import type { OutputFormat } from './format.js';

export interface TemplatedOptions {
  noHeaders?: boolean;
}

export function printTemplated(_objects: Obj[], _value: Obj, out: OutputFormat, _o: TemplatedOptions): string {
  throw new Error(`kubedojo's kubectl does not support -o ${out.kind} yet`);
}
