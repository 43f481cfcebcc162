// printResults: the object through the -o printer on stdout, then on stderr what reconciling
// needed — `\treconciliation required update` (with the opted-out caveat), the subjects and
// rules added and (when asked to remove them) removed, each as Go's %+v prints the struct:
// `{Verbs:[get list] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}`.
import type { Obj } from '../../../../../client/types.js';
import type { Printer } from '../../create/options.js';
import { renderObject } from '../../create/print.js';
import { printable } from '../../create/submit.js';
import type { PolicyRule } from '../rules.js';
import { AUTO_UPDATE, type Subject } from './objects.js';
import type { Operation } from './role.js';

const goList = (xs: string[] | null | undefined): string => `[${(xs ?? []).join(' ')}]`;

/** %+v of an rbacv1.PolicyRule */
export const goRule = (r: PolicyRule): string =>
  `{Verbs:${goList(r.verbs)} APIGroups:${goList(r.apiGroups)} Resources:${goList(r.resources)} ResourceNames:${goList(r.resourceNames)} NonResourceURLs:${goList(r.nonResourceURLs)}}`;

/** %+v of an rbacv1.Subject */
export const goSubject = (s: Subject): string =>
  `{Kind:${s.kind ?? ''} APIGroup:${s.apiGroup ?? ''} Name:${s.name ?? ''} Namespace:${s.namespace ?? ''}}`;

export interface Outcome {
  object: Obj;
  operation: Operation;
  protected: boolean;
  missingSubjects?: Subject[];
  extraSubjects?: Subject[];
  missingRules?: PolicyRule[];
  extraRules?: PolicyRule[];
}

export interface ReportFlags {
  removeExtraSubjects: boolean;
  removeExtraPermissions: boolean;
}

function section(title: string, items: string[]): string {
  return items.length === 0 ? '' : `\t${title}:\n${items.map((i) => `\t\t${i}\n`).join('')}`;
}

/** The stderr lines of one reconciled object. */
export function reportLines(o: Outcome, flags: ReportFlags): string {
  if (o.operation === 'none') return '';
  const caveat = o.protected ? `, but object opted out (${AUTO_UPDATE}: false)` : '';
  let text = `\treconciliation required ${o.operation}${caveat}\n`;
  text += section('missing subjects added', (o.missingSubjects ?? []).map(goSubject));
  if (flags.removeExtraSubjects) text += section('extra subjects removed', (o.extraSubjects ?? []).map(goSubject));
  text += section('missing rules added', (o.missingRules ?? []).map(goRule));
  if (flags.removeExtraPermissions) text += section('extra rules removed', (o.extraRules ?? []).map(goRule));
  return text;
}

/** Prints reconciled objects in turn (the YAML printer separates them with `---`). */
export class ResultPrinter {
  private printed = 0;

  constructor(private readonly printer: Printer, private readonly flags: ReportFlags) {}

  print(io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }, o: Outcome): void {
    let text = '';
    try {
      text = renderObject(this.printer, printable(o.object), this.printed);
    } catch {
      // printResults ignores what PrintObj returns
    }
    this.printed++;
    io.stdout.write(text);
    io.stderr.write(reportLines(o, this.flags));
  }
}
