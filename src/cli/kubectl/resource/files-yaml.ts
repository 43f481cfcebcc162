// YAML documents as kubectl reads them: apimachinery's YAMLReader splits the stream on lines
// starting with `---`; each document then goes through sigs.k8s.io/yaml to JSON
// (src/printers/yaml/go-yaml-read.ts).

export class YamlSyntaxError extends Error {}

export interface YamlDoc {
  /** the document converted to JSON values, maps with keys sorted as json.Marshal sorts them */
  value: unknown;
}

/** apimachinery YAMLReader: documents split on `---` lines; bad separators are errors. */
export function splitYamlDocuments(text: string): { chunks: string[]; error?: Error } {
  const chunks: string[] = [];
  let buffer = '';
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) {
        return { chunks, error: new YamlSyntaxError(`invalid Yaml document separator: ${trimmed}`) };
      }
      if (buffer !== '') chunks.push(buffer);
      buffer = '';
      continue;
    }
    buffer += `${line}\n`;
  }
  if (buffer !== '') chunks.push(buffer);
  return { chunks };
}

