// certificates.k8s.io/v1 CertificateSigningRequest: the request's presence and form, signer
// name, usages and expiration (the PEM's ASN.1 content is not parsed).
import type { FieldError, KObject } from '../../types.js';
import { invalid, notSupported, required } from '../field.js';
import { has, obj, optNum, str, strList } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { anyName } from '../namefuncs.js';
import { isDNS1123Subdomain } from '../names.js';

const USAGES = ['any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment', 'decipher only', 'digital signature', 'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'key agreement', 'key encipherment', 'microsoft sgc', 'netscape sgc', 'ocsp signing', 's/mime', 'server auth', 'signing', 'timestamping'];

function requestErrors(request: string): string | undefined {
  const pem = Buffer.from(request, 'base64').toString('utf8');
  const m = /-----BEGIN ([A-Z ]+)-----/.exec(pem);
  if (!m) return 'PEM block type must be CERTIFICATE REQUEST';
  return m[1] === 'CERTIFICATE REQUEST' || m[1] === 'NEW CERTIFICATE REQUEST' ? undefined : 'PEM block type must be CERTIFICATE REQUEST';
}

function signerName(name: string): FieldError[] {
  if (!name) return [required('spec.signerName')];
  const parts = name.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return [invalid('spec.signerName', name, 'must be a fully qualified domain and path of the form \'example.com/signer-name\'')];
  return isDNS1123Subdomain(parts[0]).map((m) => invalid('spec.signerName', parts[0], m));
}

function csrSpec(spec: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  const req = str(spec.request);
  const reqErr = req ? requestErrors(req) : 'PEM block type must be CERTIFICATE REQUEST';
  if (reqErr) errs.push(invalid('spec.request', req, reqErr));
  const usages = strList(spec.usages) ?? [];
  if (!usages.length) errs.push(required('spec.usages'));
  usages.forEach((u, i) => {
    if (!USAGES.includes(u)) errs.push(notSupported(`spec.usages[${i}]`, u, USAGES));
  });
  errs.push(...signerName(str(spec.signerName)));
  const exp = optNum(spec.expirationSeconds);
  if (has(spec, 'expirationSeconds') && exp !== undefined && exp < 600) errs.push(invalid('spec.expirationSeconds', exp, 'may not specify a duration less than 600 seconds (10 minutes)'));
  return errs;
}

export function validateCertificateSigningRequest(csr: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(csr.metadata, old.metadata) : validateCoreObjectMeta(csr.metadata, false, anyName);
  return [...errs, ...csrSpec(obj(csr.spec))];
}
