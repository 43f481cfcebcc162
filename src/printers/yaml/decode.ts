// kubectl makes its YAML by reading Go's JSON text back with go-yaml's parser (sigs.k8s.io/yaml
// JSONToYAML). That parser sees some raw characters of the JSON text that Go does not escape:
// - DEL, C1 controls but NEL, U+FFFE and U+FFFF: the reader fails with
//   "yaml: control characters are not allowed";
// - NEL (U+0085) is a line break to YAML 1.1: inside a quoted scalar one break folds to a space,
//   n > 1 breaks to n-1 newlines, and the spaces around them vanish; a break followed by ---/...
//   and a blank is a document marker; a key spanning lines (or longer than 1024 characters of
//   JSON) can no longer be a simple key.
// The line numbers in the errors count those breaks in Go's JSON text (keys in byte order).
import { jsonEntries, toJsonValue } from '../json.js';

export class KubectlYamlError extends Error {
  override name = 'KubectlYamlError';
}

const NEL = '\u0085';

/** Scalar text as the YAML parser hands it back after reading the JSON string. */
export function foldLineBreaks(s: string): string {
  if (!s.includes(NEL)) return s;
  return s.replace(/[ \u0085]+/g, (run) => {
    const breaks = run.split(NEL).length - 1;
    if (breaks === 0) return run;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

/** The number of characters Go's JSON escaping turns s into (without the quotes). */
function escapedLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if ('"\\\b\f\n\r\t'.includes(ch)) n += 2;
    else if (cp < 0x20 || '<>&'.includes(ch) || cp === 0x2028 || cp === 0x2029) n += 6;
    else n += 1;
  }
  return n;
}

class BreakScanner {
  line = 0;

  text(s: string): void {
    for (let i = s.indexOf(NEL); i >= 0; i = s.indexOf(NEL, i + 1)) {
      this.line += 1;
      const marker = s.slice(i + 1, i + 4);
      const after = s[i + 4];
      if ((marker === '---' || marker === '...') && (after === ' ' || after === NEL)) {
        throw new KubectlYamlError(`yaml: line ${this.line + 1}: found unexpected document indicator`);
      }
    }
  }

  key(s: string): void {
    this.text(s);
    if (s.includes(NEL) || escapedLength(s) > 1022) {
      const where = this.line === 0 ? '' : `line ${this.line}: `;
      throw new KubectlYamlError(`yaml: ${where}did not find expected ',' or '}'`);
    }
  }

  value(raw: unknown): void {
    const v = toJsonValue(raw);
    if (typeof v === 'string') this.text(v);
    else if (Array.isArray(v)) v.forEach((x: unknown) => this.value(x));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of jsonEntries(v, true)) {
        this.key(k);
        this.value(x);
      }
    }
  }
}

const CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

interface Findings {
  control: boolean;
  /** A NEL somewhere, or a key long enough to matter: the ordered scan is needed. */
  breaksOrLongKeys: boolean;
}

function inspectText(s: string, key: boolean, f: Findings): void {
  if (CONTROL.test(s)) f.control = true;
  if (s.includes(NEL) || (key && s.length > 170)) f.breaksOrLongKeys = true;
}

function inspect(raw: unknown, f: Findings): void {
  const v = toJsonValue(raw);
  if (typeof v === 'string') inspectText(v, false, f);
  else if (Array.isArray(v)) v.forEach((x: unknown) => inspect(x, f));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      inspectText(k, true, f);
      if (x !== undefined) inspect(x, f);
    }
  }
}

/** Throws the error kubectl prints (after "error: ") when its YAML conversion fails. */
export function checkYamlDecodable(value: unknown): void {
  const f: Findings = { control: false, breaksOrLongKeys: false };
  inspect(value, f);
  if (f.control) throw new KubectlYamlError('yaml: control characters are not allowed');
  if (f.breaksOrLongKeys) new BreakScanner().value(value);
}
