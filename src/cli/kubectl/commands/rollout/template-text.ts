// printTemplate of polymorphichelpers: DescribePodTemplate written through describe's
// PrefixWriter straight into a buffer — no tabwriter, so the tabs stay in the text — as
// `rollout history --revision` and `rollout undo --dry-run=client` show it.
import { describePodTemplate } from '../../../../printers/describe/pod-template.js';
import { localZone } from '../../../../printers/describe/time.js';
import type { Writer } from '../../../../printers/describe/writer.js';

/** printers.WriteEscaped: terminal escapes made visible. */
const escaped = (text: string): string => text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

class BufferWriter implements Writer {
  text = '';

  write(level: number, text: string): void {
    this.text += escaped('  '.repeat(level) + text);
  }

  writeLine(...values: string[]): void {
    this.text += escaped(`${values.join(' ')}\n`);
  }

  flush(): void {
    // a bytes.Buffer has nothing to flush
  }
}

export function templateText(template: unknown, tz: string | undefined): string {
  const w = new BufferWriter();
  describePodTemplate(template, w, localZone(tz));
  return w.text;
}
