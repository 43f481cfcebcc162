// -o/--output: which printer, with its argument (`jsonpath={…}`, `custom-columns=…`), and the
// error listing the formats a command accepts.
export type OutputKind =
  | 'table' | 'wide' | 'name' | 'json' | 'yaml' | 'jsonpath' | 'jsonpath-file' | 'jsonpath-as-json'
  | 'custom-columns' | 'custom-columns-file' | 'go-template' | 'go-template-file';

export interface OutputFormat {
  kind: OutputKind;
  /** the text after `=` (template, columns spec or file name) */
  arg: string;
}

const GET_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];
const OBJECT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

const ALIASES: Record<string, OutputKind> = { template: 'go-template', templatefile: 'go-template-file' };

/** 'get' accepts the table formats; 'object' is what create/run/apply… accept. */
export function parseOutput(raw: string, family: 'get' | 'object'): OutputFormat {
  if (raw === '') return { kind: family === 'get' ? 'table' : 'table', arg: '' };
  // the JSON/YAML and name printers match the whole format case-insensitively (strings.ToLower)
  if (['json', 'yaml', 'name'].includes(raw.toLowerCase())) return { kind: raw.toLowerCase() as OutputKind, arg: '' };
  const eq = raw.indexOf('=');
  const name = eq < 0 ? raw : raw.slice(0, eq);
  const arg = eq < 0 ? '' : raw.slice(eq + 1);
  const allowed = family === 'get' ? GET_FORMATS : OBJECT_FORMATS;
  if (!allowed.includes(name)) {
    throw new Error(`unable to match a printer suitable for the output format ${JSON.stringify(raw)}, allowed formats are: ${allowed.join(',')}`);
  }
  return { kind: ALIASES[name] ?? (name as OutputKind), arg };
}

const JSON_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'];
const TEMPLATE_FORMATS = ['template', 'go-template', 'go-template-file', 'templatefile'];
const COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file'];

function noPrinter(format: string, allowed: string[]): Error {
  return new Error(`unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: ${allowed.join(',')}`);
}

/** The template printers' flags: `name=value` split only when --template is empty; else the
 * format must be the bare name and --template its value. undefined: not one of these formats. */
function templated(format: string, template: string, names: string[]): OutputFormat | undefined {
  let name = format;
  let arg = template;
  if (template === '') {
    const eq = format.indexOf('=');
    if (eq >= 0 && names.includes(format.slice(0, eq))) [name, arg] = [format.slice(0, eq), format.slice(eq + 1)];
  }
  if (!names.includes(name)) return undefined;
  return { kind: ALIASES[name] ?? (name as OutputKind), arg };
}

/** genericclioptions.PrintFlags.ToPrinter's choice: json/yaml, name (or none), jsonpath, go-template;
 * --template alone means go-template. */
export function resolveObjectOutput(raw: string, template: string, outputChanged: boolean): OutputFormat {
  const format = template !== '' && !outputChanged ? 'go-template' : raw;
  const lower = format.toLowerCase();
  if (lower === 'json' || lower === 'yaml' || lower === 'name') return { kind: lower, arg: '' };
  if (format === '') return { kind: 'table', arg: '' };
  const out = templated(format, template, JSON_FORMATS) ?? templated(format, template, TEMPLATE_FORMATS);
  if (out) return out;
  throw noPrinter(raw, OBJECT_FORMATS);
}

/** get's PrintFlags.ToPrinter: templates, json/yaml, the table (or wide), custom columns, name. */
export function resolveGetOutput(raw: string, template: string): OutputFormat {
  const format = template !== '' && raw === '' ? 'go-template' : raw;
  const out = templated(format, template, JSON_FORMATS) ?? templated(format, template, TEMPLATE_FORMATS);
  if (out) return out;
  const lower = format.toLowerCase();
  if (lower === 'json' || lower === 'yaml') return { kind: lower, arg: '' };
  if (format === '' || format === 'wide') return { kind: format === '' ? 'table' : 'wide', arg: '' };
  const columns = templated(format, template, COLUMNS_FORMATS);
  if (columns) return columns;
  if (lower === 'name') return { kind: 'name', arg: '' };
  throw noPrinter(format, GET_FORMATS);
}
