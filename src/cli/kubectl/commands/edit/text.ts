// The editor file's text helpers (editoptions.go, cmdutil): the header kubectl writes above the
// objects, comment stripping as kubectl compares edits (StripComments goes through YAML→JSON,
// ManualStrip drops `#` lines), hasLines, and CRLF line endings.
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import { splitYamlDocuments } from '../../resource/files-yaml.js';
import { yamlToJson } from '../../../../printers/yaml/go-yaml-read.js';

export type EditMode = 'normal' | 'create' | 'apply';

export interface EditReason {
  head: string;
  other: string[];
}

const NORMAL_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

const APPLY_HEADER = `# Please edit the 'last-applied-configuration' annotations below.
# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.
#
`;

/** hashOnLineBreak: continuation lines of a reason stay comments. */
export function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    r += i + 1 < s.length && ch === '\n' && s[i + 1] !== '#' ? '\n# ' : ch;
  }
  return r;
}

/** editHeader.writeTo */
export function headerText(mode: EditMode, reasons: EditReason[]): string {
  let out = mode === 'apply' ? APPLY_HEADER : NORMAL_HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** cmdutil.ManualStrip: lines whose trimmed text starts with `#` (not `#!`) dropped. */
export function manualStrip(file: string): string {
  const lines = file.split('\n');
  let out = '';
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    out += line;
    if (i < lines.length - 1) out += '\n';
  });
  return out;
}

/** cmdutil.StripComments: yaml.ToJSON (JSON text as is, else the first YAML document as JSON), or ManualStrip when that fails. */
export function stripComments(file: string): string {
  if (file.trimStart().startsWith('{')) return file;
  const { chunks } = splitYamlDocuments(file);
  const r = yamlToJson(chunks[0] ?? '');
  if ('error' in r) return manualStrip(file);
  return r.value === undefined ? 'null' : goJsonMarshal(r.value);
}

/** hasLines: some line is neither blank nor a comment. */
export function hasLines(file: string): boolean {
  return file.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

export const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
