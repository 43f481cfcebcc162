// tmplExecuteRawJSON (cmd/crictl/templates.go): a Go text/template named "tmplExecuteRawJSON" with
// missingkey=error and crictl's extra functions json, title, lower and upper.
import { goJsonQuote } from '../../../printers/json.js';
import { parseGoTemplate } from '../../../printers/gotemplate/index.js';

const TEMPLATE_NAME = 'tmplExecuteRawJSON';

/** json.NewEncoder(…).Encode(v): compact JSON, HTML-safe, with a line feed. */
function compactJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${goJsonQuote(k)}:${compactJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goJsonQuote(v);
  if (v === undefined) return 'null';
  return JSON.stringify(v) ?? 'null';
}

export const CRICTL_TEMPLATE_FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  json: (v: unknown) => `${compactJson(v)}\n`,
  title: (s: unknown) => String(s).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase()),
  lower: (s: unknown) => String(s).toLowerCase(),
  upper: (s: unknown) => String(s).toUpperCase(),
};

/** Runs `text` against decoded JSON `data`; errors read as crictl's. */
export function executeTemplate(text: string, data: unknown): string {
  let tmpl: ReturnType<typeof parseGoTemplate>;
  try {
    tmpl = parseGoTemplate(text, CRICTL_TEMPLATE_FUNCS, { name: TEMPLATE_NAME, missingKey: 'error' });
  } catch (err) {
    throw new Error(`failed to generate go-template: ${(err as Error).message}`);
  }
  try {
    return tmpl.execute(data);
  } catch (err) {
    throw new Error(`failed to template data: ${(err as Error).message}`);
  }
}
