// Job (ValidateJob, ValidateJobUpdate) and the job template CronJobs embed.
import type { FieldError, KObject } from '../../types.js';
import { child, invalid, notSupported, required, tooLong, type Path } from '../field.js';
import { GoLiteral, goLabelSelector, goStructOf } from '../govalue.js';
import { has, obj, optNum, str, strMap, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isDNS1123Label, isDNS1123Subdomain } from '../names.js';
import { labelSelectorAsSelector, validateLabelSelector } from '../selector.js';
import { validatePodTemplateSpec } from '../pod/template.js';
import { nonNegative } from '../apps/common.js';

const LEGACY_UID = 'controller-uid';
const LEGACY_NAME = 'job-name';
const UID = 'batch.kubernetes.io/controller-uid';
const NAME = 'batch.kubernetes.io/job-name';

function hasLabel(labels: Record<string, string>, k: string, want: string, fld: Path): FieldError[] {
  if (!(k in labels)) return [required(`${fld}.labels[${k}]`, `must be '${want}'`)];
  return labels[k] === want ? [] : [invalid(`${fld}.labels[${k}]`, labels, `must be '${want}'`)];
}

/** validateGeneratedSelector: the template carries the labels the generated selector picks. */
function generatedSelector(job: KObject, spec: JsonObject, prefixed: boolean): FieldError[] {
  if (spec.manualSelector === true || !has(spec, 'selector')) return [];
  const uid = str(job.metadata.uid);
  const name = str(job.metadata.name);
  const errs = uid ? [] : [required('metadata.uid')];
  const labels = strMap(obj(obj(spec.template).metadata).labels) ?? {};
  const fld = 'spec.template.metadata';
  errs.push(...hasLabel(labels, LEGACY_UID, uid, fld), ...hasLabel(labels, LEGACY_NAME, name, fld));
  const expected: Record<string, string> = { [LEGACY_UID]: uid, [LEGACY_NAME]: name };
  if (prefixed) {
    errs.push(...hasLabel(labels, UID, uid, fld), ...hasLabel(labels, NAME, name, fld));
    Object.assign(expected, { [UID]: uid, [NAME]: name });
  }
  const sel = labelSelectorAsSelector(spec.selector);
  if (sel && !sel.matches(expected)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

function counts(spec: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    if (has(spec, f)) errs.push(...nonNegative(spec[f], child(fld, f)));
  }
  if (has(spec, 'maxFailedIndexes') && !has(spec, 'backoffLimitPerIndex')) errs.push(required(child(fld, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  if (has(spec, 'managedBy')) {
    const m = str(spec.managedBy);
    const [host = '', rest = ''] = m.split(/\/(.*)/s);
    if (!m.includes('/') || !host || !rest) errs.push(invalid(child(fld, 'managedBy'), m, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    else errs.push(...isDNS1123Subdomain(host).map((e) => invalid(child(fld, 'managedBy'), host, e)));
    if (m.length > 63) errs.push(tooLong(child(fld, 'managedBy'), 63));
  }
  return errs;
}

function completionMode(spec: JsonObject, fld: Path): FieldError[] {
  const mode = has(spec, 'completionMode') ? str(spec.completionMode) : undefined;
  const errs: FieldError[] = [];
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(fld, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed') {
    if (!has(spec, 'completions')) errs.push(required(child(fld, 'completions'), 'when completion mode is Indexed'));
    const par = optNum(spec.parallelism);
    if (par !== undefined && par > 100000) errs.push(invalid(child(fld, 'parallelism'), par, 'must be less than or equal to 100000 when completion mode is Indexed'));
  } else {
    if (has(spec, 'backoffLimitPerIndex')) errs.push(invalid(child(fld, 'backoffLimitPerIndex'), optNum(spec.backoffLimitPerIndex) ?? 0, 'requires indexed completion mode'));
    if (has(spec, 'maxFailedIndexes')) errs.push(invalid(child(fld, 'maxFailedIndexes'), optNum(spec.maxFailedIndexes) ?? 0, 'requires indexed completion mode'));
  }
  if (has(spec, 'successPolicy') && mode !== 'Indexed') errs.push(invalid(child(fld, 'successPolicy'), goStructOf('batch.SuccessPolicy', spec.successPolicy), 'requires indexed completion mode'));
  return errs;
}

function replacementPolicy(spec: JsonObject, fld: Path): FieldError[] {
  if (!has(spec, 'podReplacementPolicy')) return [];
  const p = str(spec.podReplacementPolicy);
  if (has(spec, 'podFailurePolicy')) return p === 'Failed' ? [] : [notSupported(fld, p, ['Failed'])];
  return p === 'Failed' || p === 'TerminatingOrFailed' ? [] : [notSupported(fld, p, ['Failed', 'TerminatingOrFailed'])];
}

/** validateJobSpec: the parts a CronJob's job template shares with a Job. */
export function validateJobSpecCommon(spec: JsonObject, fld: Path): FieldError[] {
  const errs = [...counts(spec, fld), ...completionMode(spec, fld), ...replacementPolicy(spec, child(fld, 'podReplacementPolicy'))];
  errs.push(...validatePodTemplateSpec(obj(spec.template), child(fld, 'template')));
  const rp = str(obj(obj(spec.template).spec).restartPolicy);
  const rpPath = child(fld, 'template', 'spec', 'restartPolicy');
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (has(spec, 'podFailurePolicy') && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function jobSpec(spec: JsonObject): FieldError[] {
  const errs = validateJobSpecCommon(spec, 'spec');
  if (!has(spec, 'selector')) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const sel = labelSelectorAsSelector(spec.selector);
  const labels = strMap(obj(obj(spec.template).metadata).labels);
  if (sel && !sel.matches(labels)) errs.push(invalid('spec.template.metadata.labels', new GoLiteral(labelsText(labels)), '`selector` does not match template `labels`'));
  return errs;
}

function labelsText(labels: Record<string, string> | undefined): string {
  if (!labels) return 'map[string]string(nil)';
  return `map[string]string{${Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(', ')}}`;
}

function indexedName(job: KObject, spec: JsonObject): FieldError[] {
  const completions = optNum(spec.completions) ?? 0;
  if (str(spec.completionMode) !== 'Indexed' || completions <= 0) return [];
  const host = `${str(job.metadata.name)}-${completions - 1}`;
  return isDNS1123Label(host).length ? [invalid('metadata.name', str(job.metadata.name), `will not able to create pod with invalid DNS label: ${host}`)] : [];
}

export function validateJob(job: KObject): FieldError[] {
  const spec = obj(job.spec);
  const errs = validateCoreObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...generatedSelector(job, spec, true), ...jobSpec(spec));
  return [...errs, ...indexedName(job, spec)];
}

export function validateJobUpdate(job: KObject, old: KObject): FieldError[] {
  const spec = obj(job.spec);
  const oldSpec = obj(old.spec);
  const errs = [...validateCoreObjectMetaUpdate(job.metadata, old.metadata), ...jobSpec(spec)];
  if (str(spec.completionMode) !== 'Indexed') errs.push(...validateImmutableField(spec.completions, oldSpec.completions, 'spec.completions'));
  errs.push(...validateImmutableField(spec.selector, oldSpec.selector, 'spec.selector', goLabelSelector(spec.selector)));
  errs.push(...validateImmutableField(spec.template, oldSpec.template, 'spec.template', goStructOf('core.PodTemplateSpec', spec.template)));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) errs.push(...validateImmutableField(spec[f], oldSpec[f], `spec.${f}`));
  return errs;
}
