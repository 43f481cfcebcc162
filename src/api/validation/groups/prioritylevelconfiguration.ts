// flowcontrol.apiserver.k8s.io PriorityLevelConfiguration (ValidatePriorityLevelConfiguration
// [Update|StatusUpdate]) as v1.32 checks a v1 object: type Exempt if and only if the name is
// exempt, the limited level's shares, lendable and borrowing percents, its limit response and
// queuing (shuffle sharding's entropy); a mandatory level's spec stays fixed (exempt's `exempt`
// section excepted).
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, notSupported, required, type Path } from '../field.js';
import { GoLiteral } from '../govalue.js';
import { isObject, obj, optNum, semanticEqual, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { mandatoryPriorityLevels } from '../../flowcontrol/bootstrap.js';
import { validateConditions } from './flowschema.js';

const TYPES = ['Exempt', 'Limited'];
const RESPONSES = ['Queue', 'Reject'];
const MAX_QUEUES = 10_000_000;
const MAX_HASH_BITS = 60;

function percent(v: unknown, fld: Path): FieldError[] {
  const n = optNum(v);
  return n !== undefined && (n < 0 || n > 100) ? [invalid(fld, n, 'must be between 0 and 100, inclusive')] : [];
}

/** shufflesharding.RequiredEntropyBits: ceil(log2(deckSize^handSize)). */
const entropyBits = (deck: number, hand: number): number => Math.ceil(Math.log2(deck) * hand);

function queuing(q: JsonObject, fld: Path): FieldError[] {
  const [length, queues, hand] = [optNum(q.queueLengthLimit) ?? 0, optNum(q.queues) ?? 0, optNum(q.handSize) ?? 0];
  const errs: FieldError[] = length <= 0 ? [invalid(child(fld, 'queueLengthLimit'), length, 'must be positive')] : [];
  if (queues <= 0) errs.push(invalid(child(fld, 'queues'), queues, 'must be positive'));
  else if (queues > MAX_QUEUES) errs.push(invalid(child(fld, 'queues'), queues, `must not be greater than ${MAX_QUEUES}`));
  const hp = child(fld, 'handSize');
  if (hand <= 0) errs.push(invalid(hp, hand, 'must be positive'));
  else if (hand > queues) errs.push(invalid(hp, hand, `should not be greater than queues (${queues})`));
  else if (entropyBits(queues, hand) > MAX_HASH_BITS) errs.push(invalid(hp, hand, `required entropy bits of deckSize ${queues} and handSize ${hand} should not be greater than ${MAX_HASH_BITS}`));
  return errs;
}

function limitResponse(lr: JsonObject, fld: Path): FieldError[] {
  const type = str(lr.type);
  if (type === 'Reject') return isObject(lr.queuing) ? [forbidden(child(fld, 'queuing'), 'must be nil if limited.limitResponse.type is not Limited')] : [];
  if (type !== 'Queue') return [notSupported(child(fld, 'type'), type, RESPONSES)];
  return isObject(lr.queuing) ? queuing(lr.queuing, child(fld, 'queuing')) : [required(child(fld, 'queuing'), 'must not be empty if limited.limitResponse.type is Limited')];
}

function limited(l: JsonObject, fld: Path): FieldError[] {
  const shares = optNum(l.nominalConcurrencyShares) ?? 0;
  const errs: FieldError[] = shares < 0 ? [invalid(child(fld, 'nominalConcurrencyShares'), shares, 'must be a non-negative integer')] : [];
  errs.push(...limitResponse(obj(l.limitResponse), child(fld, 'limitResponse')), ...percent(l.lendablePercent, child(fld, 'lendablePercent')));
  const borrowing = optNum(l.borrowingLimitPercent);
  if (borrowing !== undefined && borrowing < 0) errs.push(invalid(child(fld, 'borrowingLimitPercent'), borrowing, 'if specified, must be a non-negative integer'));
  return errs;
}

function exempt(e: JsonObject, fld: Path): FieldError[] {
  const shares = optNum(e.nominalConcurrencyShares);
  const errs: FieldError[] = shares !== undefined && shares < 0 ? [invalid(child(fld, 'nominalConcurrencyShares'), shares, 'must be a non-negative integer')] : [];
  return [...errs, ...percent(e.lendablePercent, child(fld, 'lendablePercent'))];
}

function spec(s: JsonObject, name: string, fld: Path): FieldError[] {
  const type = str(s.type);
  const errs: FieldError[] = (name === 'exempt') !== (type === 'Exempt') ? [invalid(child(fld, 'type'), type, "type must be 'Exempt' if and only if name is 'exempt'")] : [];
  if (type === 'Exempt') {
    if (isObject(s.limited)) errs.push(forbidden(child(fld, 'limited'), 'must be nil if the type is not Limited'));
    if (isObject(s.exempt)) errs.push(...exempt(s.exempt, child(fld, 'exempt')));
  } else if (type === 'Limited') {
    if (isObject(s.exempt)) errs.push(forbidden(child(fld, 'exempt'), 'must be nil if the type is Limited'));
    if (isObject(s.limited)) errs.push(...limited(s.limited, child(fld, 'limited')));
    else errs.push(required(child(fld, 'limited'), 'must not be empty when type is Limited'));
  } else errs.push(notSupported(child(fld, 'type'), type, TYPES));
  return errs;
}

/** %#v of the internal spec: its two sections are pointers, whose addresses Go makes up. */
function goSpec(s: JsonObject): GoLiteral {
  const ptr = (t: string, set: boolean) => `(*flowcontrol.${t})(${set ? '0xc000000000' : 'nil'})`;
  return new GoLiteral(`flowcontrol.PriorityLevelConfigurationSpec{Type:"${str(s.type)}", Limited:${ptr('LimitedPriorityLevelConfiguration', isObject(s.limited))}, Exempt:${ptr('ExemptPriorityLevelConfiguration', isObject(s.exempt))}}`);
}

function mandatory(s: JsonObject, name: string): FieldError[] {
  const fixed = mandatoryPriorityLevels().find((m) => m.metadata.name === name);
  if (!fixed) return [];
  if (name === 'exempt') {
    const same = semanticEqual({ ...s, exempt: null }, { ...obj(fixed.spec), exempt: null });
    return same ? [] : [invalid('spec', goSpec(s), `spec of '${name}' except the 'spec.exempt' field must equal the fixed value`)];
  }
  return semanticEqual(s, fixed.spec) ? [] : [invalid('spec', goSpec(s), `spec of '${name}' must equal the fixed value`)];
}

export function validatePriorityLevelConfiguration(pl: KObject): FieldError[] {
  const name = pl.metadata.name ?? '';
  const s = obj(pl.spec);
  return [...validateCoreObjectMeta(pl.metadata, false, nameIsDNSSubdomain), ...spec(s, name, 'spec'), ...mandatory(s, name), ...validateConditions(pl.status, 'status')];
}
