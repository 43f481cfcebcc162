// kubectl's GoTemplatePrinter (cli-runtime printers/template.go): the template named "output"
// with the functions exists and base64decode, missing keys printed as <no value> unless
// --allow-missing-template-keys=false, and its error texts — on an execution error the debugging
// dump goes to stdout after what was printed.
import { goJsonString } from '../jsonpath/gojson.js';
import { goQuote } from '../jsonpath/index.js';
import { GoTemplateExecError, parseGoTemplate, type GoTemplate } from './index.js';
import { sprint } from './fmt.js';
import { concrete, GoNum, Iface, INVALID, isGoMap, kindOf, norm, type GoFunc } from './values.js';

export const NO_TEMPLATE_GIVEN = 'template format specified but no template given';

/** An execution failure: what goes to stdout (output so far and the dump) and the error. */
export class GoTemplatePrinterError extends Error {
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

function existsStep(v: unknown, index: unknown): unknown {
  const c = concrete(v);
  const k = kindOf(c);
  if (k === 'slice' || k === 'string') {
    const ik = kindOf(concrete(index));
    if (ik !== 'int' && ik !== 'uint') return INVALID;
    const x = (concrete(index) as GoNum).value;
    const seq = typeof c === 'string' ? Buffer.from(c, 'utf8') : (c as unknown[]);
    if (x < 0 || x >= seq.length) return INVALID;
    return typeof c === 'string' ? new GoNum('uint8', (seq as Buffer)[x]!) : new Iface(norm((seq as unknown[])[x]));
  }
  if (isGoMap(c)) {
    const key = concrete(index);
    if (key === INVALID) return new Iface(norm(c['']));
    return typeof key === 'string' ? new Iface(norm(c[key])) : INVALID;
  }
  return INVALID;
}

const exists: GoFunc = Object.assign(
  (item: unknown, ...indices: unknown[]): boolean => {
    let v: unknown = item;
    for (const i of indices) {
      if (v === INVALID || (v instanceof Iface && v.inner === null)) return false;
      v = existsStep(v, i);
    }
    return !(v === INVALID && indices.length > 0) && !(v instanceof Iface && v.inner === null);
  },
  { goSpec: { params: ['any'], variadic: 'any', raw: true } },
);

const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** After the padding at s[si…]: -1 when only newlines follow, else where the trailing data starts. */
function afterPadding(s: string, si: number): number {
  while (si < s.length && isNewline(s[si])) si++;
  return si < s.length ? si : -1;
}

/** One quantum's '=' at s[si - 1] (j data characters before it): where decoding fails, or -1. */
function padding(s: string, si: number, j: number): number {
  if (j < 2) return si - 1;
  if (j === 2) {
    while (si < s.length && isNewline(s[si])) si++;
    if (si === s.length) return s.length;
    if (s[si] !== '=') return si - 1;
    si++;
  }
  return afterPadding(s, si);
}

/** Where base64.StdEncoding.DecodeString reports corrupt input (decodeQuantum), or -1. */
function corruptAt(s: string): number {
  let si = 0;
  for (;;) {
    for (let j = 0; j < 4; j++) {
      if (si === s.length) return j === 0 ? -1 : si - j;
      const c = s[si++]!;
      if (isNewline(c)) j--;
      else if (c === '=') return padding(s, si, j);
      else if (!/[A-Za-z0-9+/]/.test(c)) return si - 1;
    }
  }
}

const base64decode: GoFunc = Object.assign(
  (v: unknown): string => {
    const s = String(v);
    const at = corruptAt(s);
    if (at >= 0) throw new Error(`base64 decode failed: illegal base64 data at input byte ${at}`);
    return Buffer.from(s, 'base64').toString('utf8');
  },
  { goSpec: { params: ['string'] } },
);

export const KUBECTL_TEMPLATE_FUNCS: Record<string, GoFunc> = { exists, base64decode };

/** NewGoTemplatePrinter + AllowMissingKeys; throws kubectl's parse error. A file's text may be empty. */
export function kubectlGoTemplate(text: string, allowMissingKeys = true, fromFile = false): GoTemplate {
  if (text === '' && !fromFile) throw new Error(NO_TEMPLATE_GIVEN);
  try {
    return parseGoTemplate(text, KUBECTL_TEMPLATE_FUNCS, { name: 'output', missingKey: allowMissingKeys ? 'default' : 'error' });
  } catch (err) {
    throw new Error(`error parsing template ${text}, ${(err as Error).message}`);
  }
}

/** encoding/json's compact Marshal, keeping key order (typed objects) or sorting it (unstructured). */
export function goMarshalCompact(v: unknown, sortKeys: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => goMarshalCompact(x, sortKeys)).join(',')}]`;
  const m = v as Record<string, unknown>;
  const keys = Object.keys(m).filter((k) => m[k] !== undefined);
  if (sortKeys) keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${keys.map((k) => `${goJsonString(k)}:${goMarshalCompact(m[k], sortKeys)}`).join(',')}}`;
}

/** PrintObj: the template over the object as JSON decodes it (integers int64, others float64). */
export function printGoTemplate(tmpl: GoTemplate, rawTemplate: string, obj: unknown, o: { typed: boolean }): string {
  try {
    return tmpl.execute(obj);
  } catch (err) {
    if (!(err instanceof GoTemplateExecError)) throw err;
    const data = goMarshalCompact(obj, !o.typed);
    const dump =
      `Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${rawTemplate}\n` +
      `\traw data was:\n\t\t${data}\n` +
      `\tobject given to template engine was:\n\t\t${sprint([obj])}\n\n`;
    throw new GoTemplatePrinterError(`error executing template ${goQuote(rawTemplate)}: ${err.message}`, err.output + dump);
  }
}
