// The printer chain `get -w` prints through, kept for the whole watch: get's TablePrinter (what
// is not a Table is logged at -v=2), the skipPrinter that hides the synthetic ADDED of a watch
// on one object (a Table's columns still get through), then the real printer — the human one (a header only when the columns change)
// or an object printer (`---` between YAML documents, custom columns' header once) — all into
// one tabwriter that remembers its widths and is flushed after each print.
import type { Obj } from '../../../../client/types.js';
import { KUBECTL_TABWRITER } from '../../../../printers/custom-columns.js';
import { toKubectlJson } from '../../../../printers/json.js';
import { goJsonMarshal, goJsonString } from '../../../../printers/jsonpath/gojson.js';
import { tableCells, type Table, type TableColumn } from '../../../../printers/table.js';
import { RememberingTabwriter } from '../../../../printers/tabwriter.js';
import { toKubectlYaml } from '../../../../printers/yaml.js';
import type { Ctx } from '../../context.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { nameOf, omitManagedFields } from '../../output/objects.js';
import type { OutputFormat } from '../../output/format.js';
import { allowMissingKeys, printTemplated } from '../../output/templated.js';
import { kindPrefix } from '../../resource/args.js';
import { clientTable } from './fetch.js';
import { logNonTable } from './server-print.js';

export interface WatchPrintOptions {
  out: OutputFormat;
  human: boolean;
  serverPrint: boolean;
  allNamespaces: boolean;
  resource: ApiResource;
}

const isTable = (o: unknown): o is Table => {
  const t = o as { kind?: unknown; apiVersion?: unknown };
  return t.kind === 'Table' && (t.apiVersion === 'meta.k8s.io/v1' || t.apiVersion === 'meta.k8s.io/v1beta1');
};

const listItemsOf = (o: Obj): Obj[] | undefined => {
  const items = (o as unknown as { items?: unknown }).items;
  return Array.isArray(items) ? (items as Obj[]) : undefined;
};

export class WatchPrinter {
  /** skipPrinter's switch */
  output = true;
  private readonly tw = new RememberingTabwriter(KUBECTL_TABWRITER);
  private lastColumns: TableColumn[] | undefined;
  private printedHeaders = false;
  private printCount = 0;
  private lastType: string | undefined;
  private readonly now = Date.now();

  constructor(private readonly ctx: Ctx, private readonly o: WatchPrintOptions) {}

  /** PrintObj of an object, or (with --output-watch-events) of a watch event holding it. */
  print(obj: Obj, eventType?: string): void {
    if (this.o.serverPrint && !isTable(obj)) logNonTable(this.ctx);
    if (!this.output) {
      // a hidden Table still passes its columns on (its rows dropped); anything else stops here
      if (this.o.human && eventType === undefined && isTable(obj)) this.printTable({ ...obj, rows: [] }, undefined);
      return;
    }
    if (this.o.human) this.printTable(isTable(obj) ? obj : clientTable(listItemsOf(obj) ?? [obj], this.now), eventType);
    else this.printObject(obj, eventType);
  }

  flush(): string {
    return this.tw.flush();
  }

  /** HumanReadablePrinter with a Table: the header again only when the columns change. */
  private printTable(table: Table, eventType: string | undefined): void {
    const given = table.columnDefinitions ?? [];
    const same = this.lastColumns !== undefined && JSON.stringify(given) === JSON.stringify(this.lastColumns);
    const noHeaders = this.ctx.bool('no-headers') || (this.printedHeaders && (given.length === 0 || same));
    const columns = given.length === 0 ? (this.lastColumns ?? []) : given;
    if (given.length > 0 && !same) {
      this.lastColumns = given;
      this.printedHeaders = false;
    }
    const rows = table.rows ?? [];
    if (rows.length > 0) this.printedHeaders = true;
    if (rows.length === 0) return;
    const cells = tableCells({ columnDefinitions: columns, rows }, {
      wide: this.o.out.kind === 'wide',
      withNamespace: this.o.allNamespaces,
      showLabels: this.ctx.bool('show-labels'),
      labelColumns: this.ctx.list('label-columns').flatMap((l) => l.split(',')).filter((l) => l !== ''),
      noHeaders,
      ...(this.ctx.bool('show-kind') ? { kindPrefix: kindPrefix(this.o.resource) } : {}),
    });
    const lines = eventType === undefined ? cells : cells.map((row, i) => [i === 0 && !noHeaders ? 'EVENT' : eventType.padEnd(8), ...row]);
    this.tw.write(lines.map((l) => `${l.join('\t')}\n`).join(''));
  }

  private printObject(obj: Obj, eventType: string | undefined): void {
    const { out } = this.o;
    const value = eventType === undefined ? obj : ({ type: eventType, object: obj } as unknown as Obj);
    switch (out.kind) {
      case 'name': {
        const items = listItemsOf(obj) ?? [obj];
        this.tw.write(items.map((x) => `${nameOf(x)}\n`).join(''));
        return;
      }
      case 'json':
        // a watch event is encoded compact, on one line, managedFields and all
        this.tw.write(eventType === undefined ? toKubectlJson(omitManagedFields(obj)) : `{"type":${goJsonString(eventType)},"object":${goJsonMarshal(obj)}}\n`);
        return;
      case 'yaml':
        if (this.printCount++ > 0) this.tw.write('---\n');
        this.tw.write(toKubectlYaml(eventType === undefined ? omitManagedFields(obj) : value));
        return;
      default: {
        // custom columns print their header when the type of what they print changes
        const type = eventType !== undefined ? 'event' : listItemsOf(obj) ? 'list' : 'object';
        const headerPrinted = this.lastType === type;
        this.lastType = type;
        const rows = eventType === undefined ? (listItemsOf(obj) ?? [obj]) : [value];
        this.tw.write(printTemplated(rows, value, out, { noHeaders: this.ctx.bool('no-headers'), headerPrinted, cwd: this.ctx.io.cwd, allowMissingKeys: allowMissingKeys(this.ctx), tabwrite: (t) => t }));
      }
    }
  }
}
