// -o jsonpath / jsonpath-file / jsonpath-as-json / custom-columns / custom-columns-file /
// go-template / go-template-file: the template engines over what is printed (a List or the single
// object; custom columns take the objects as rows). Template files are read relative to the
// working directory.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Obj } from '../../../client/types.js';
import { CustomColumnsError, parseCustomColumns, parseCustomColumnsFile, printCustomColumns, type Tabwrite } from '../../../printers/custom-columns.js';
import { GoTemplatePrinterError, kubectlGoTemplate, NO_TEMPLATE_GIVEN, printGoTemplate } from '../../../printers/gotemplate/kubectl.js';
import { JsonPathPrinter, templateReadError } from '../../../printers/jsonpath/index.js';
import { tabwrite } from '../../../printers/tabwriter.js';
import type { OutputFormat } from './format.js';
import { PartialOutputError } from './template-errors.js';
import { goErrnoText } from '../../../client/go-errno.js';

export { allowMissingKeys, PartialOutputError } from './template-errors.js';

export interface TemplatedOptions {
  noHeaders?: boolean;
  /** objects built by kubectl itself (numbers are Go floats to the template engines) */
  generated?: boolean;
  cwd?: string;
  /** --allow-missing-template-keys (true unless given false) */
  allowMissingKeys?: boolean;
  /** custom columns: the printer printed its header already (it prints one per type) */
  headerPrinted?: boolean;
  /** custom columns: the tabwriter the lines go through (kubectl's own by default) */
  tabwrite?: Tabwrite;
}

function readTemplate(file: string, cwd: string | undefined, columns = false): string {
  // the flag's value is checked before any file is read
  if (file === '') throw new Error(columns ? 'custom-columns format specified but no custom columns given' : NO_TEMPLATE_GIVEN);
  try {
    return readFileSync(isAbsolute(file) || !cwd ? file : join(cwd, file), 'utf8');
  } catch (err) {
    const why = goErrnoText(err);
    // custom-columns-file and jsonpath-file word the failure differently.
    throw new Error(columns ? `error reading template ${file}, open ${file}: ${why}` : templateReadError(file, `open ${file}: ${why}`));
  }
}

function customColumns(objects: Obj[], out: OutputFormat, o: TemplatedOptions): string {
  const fromFile = out.kind === 'custom-columns-file';
  const columns = fromFile ? parseCustomColumnsFile(readTemplate(out.arg, o.cwd, true)) : parseCustomColumns(out.arg);
  try {
    return printCustomColumns(columns, objects, { noHeaders: o.headerPrinted === true || (fromFile ? false : (o.noHeaders ?? false)), tabwrite: o.tabwrite ?? tabwrite });
  } catch (err) {
    if (err instanceof CustomColumnsError) throw new PartialOutputError(err.output, err.message);
    throw err;
  }
}

function goTemplate(value: Obj, out: OutputFormat, o: TemplatedOptions): string {
  const text = out.kind === 'go-template-file' ? readTemplate(out.arg, o.cwd) : out.arg;
  const tmpl = kubectlGoTemplate(text, o.allowMissingKeys ?? true, out.kind === 'go-template-file');
  try {
    return printGoTemplate(tmpl, text, value, { typed: o.generated ?? false });
  } catch (err) {
    if (err instanceof GoTemplatePrinterError) throw new PartialOutputError(err.output, err.message);
    throw err;
  }
}

export function printTemplated(objects: Obj[], value: Obj, out: OutputFormat, o: TemplatedOptions): string {
  switch (out.kind) {
    case 'jsonpath':
    case 'jsonpath-as-json':
      return new JsonPathPrinter(out.arg, out.kind, { typed: o.generated ?? false, allowMissingKeys: o.allowMissingKeys ?? true }).print(value);
    case 'jsonpath-file':
      return new JsonPathPrinter(readTemplate(out.arg, o.cwd), 'jsonpath-file', { typed: o.generated ?? false, allowMissingKeys: o.allowMissingKeys ?? true }).print(value);
    case 'custom-columns':
    case 'custom-columns-file':
      return customColumns(objects, out, o);
    case 'go-template':
    case 'go-template-file':
      return goTemplate(value, out, o);
    default:
      throw new Error(`kubedojo's kubectl cannot print -o ${out.kind} as a template`);
  }
}
