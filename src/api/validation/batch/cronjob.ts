// CronJob (ValidateCronJobCreate, ValidateCronJobUpdate).
import type { FieldError, KObject } from '../../types.js';
import { child, invalid, notSupported, required, type Path } from '../field.js';
import { GoLiteral, goLabelSelector } from '../govalue.js';
import { has, obj, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { maxLenError } from '../names.js';
import { nonNegative } from '../apps/common.js';
import { cronScheduleError } from './cron.js';
import { validateJobSpecCommon } from './job.js';

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function timeZone(spec: JsonObject, fld: Path): FieldError[] {
  if (!has(spec, 'timeZone')) return [];
  const tz = str(spec.timeZone);
  if (!tz) return [invalid(fld, tz, 'timeZone must be nil or non-empty string')];
  if (tz.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TZ_PART.test(p))) return [invalid(fld, tz, `unknown time zone ${tz}`)];
  const errs = tz.toLowerCase() === 'local' ? [invalid(fld, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')] : [];
  if (tz !== 'Local' && !knownTimeZone(tz)) errs.push(invalid(fld, tz, `unknown time zone ${tz}`));
  return errs;
}

function schedule(spec: JsonObject, oldSpec: JsonObject | undefined, fld: Path): FieldError[] {
  const s = str(spec.schedule);
  if (!s) return [required(fld)];
  const errs: FieldError[] = [];
  const err = cronScheduleError(s);
  if (err) errs.push(invalid(fld, s, err));
  const allowTZ = oldSpec ? str(oldSpec.schedule).includes('TZ') : false;
  if (allowTZ && s.includes('TZ') && has(spec, 'timeZone')) errs.push(invalid(fld, s, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  else if (!allowTZ && s.includes('TZ')) errs.push(invalid(fld, s, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

/** ValidateJobTemplateSpec. */
function jobTemplate(tmpl: JsonObject, fld: Path): FieldError[] {
  const spec = obj(tmpl.spec);
  const errs = validateJobSpecCommon(spec, child(fld, 'spec'));
  if (has(spec, 'selector')) errs.push(invalid(child(fld, 'spec', 'selector'), goLabelSelector(spec.selector), '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported(child(fld, 'spec', 'manualSelector'), new GoLiteral('true'), ['nil', 'false']));
  return errs;
}

function cronJobSpec(spec: JsonObject, oldSpec?: JsonObject): FieldError[] {
  const errs = schedule(spec, oldSpec, 'spec.schedule');
  if (has(spec, 'startingDeadlineSeconds')) errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!oldSpec || str(oldSpec.timeZone) !== str(spec.timeZone) || has(oldSpec, 'timeZone') !== has(spec, 'timeZone')) errs.push(...timeZone(spec, 'spec.timeZone'));
  const cp = str(spec.concurrencyPolicy);
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  errs.push(...jobTemplate(obj(spec.jobTemplate), 'spec.jobTemplate'));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) if (has(spec, f)) errs.push(...nonNegative(spec[f], `spec.${f}`));
  return errs;
}

export function validateCronJob(cj: KObject, old?: KObject): FieldError[] {
  const spec = obj(cj.spec);
  if (old) return [...validateCoreObjectMetaUpdate(cj.metadata, old.metadata), ...cronJobSpec(spec, obj(old.spec))];
  const errs = [...validateCoreObjectMeta(cj.metadata, true, nameIsDNSSubdomain), ...cronJobSpec(spec)];
  const name = str(cj.metadata.name);
  if (name.length > 52) errs.push(invalid('metadata.name', name, maxLenError(52)));
  return errs;
}

