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
