// CertificateSigningRequestDescriber: the requester, signer, status, and the request's subject
// and subject alternative names read from its PEM.
import { num, rec, recs, str } from '../columns/fields.js';
import { formatLabels } from '../columns/labels.js';
import { humanDuration } from '../duration.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, tabbed, type Writer } from './writer.js';

interface Request {
  subject: Record<string, string[]>;
  dns: string[];
  emails: string[];
  uris: string[];
  ips: string[];
}

const SUBJECT_OIDS: Record<string, string> = {
  cn: '2.5.4.3', serial: '2.5.4.5', c: '2.5.4.6', l: '2.5.4.7', st: '2.5.4.8', street: '2.5.4.9', o: '2.5.4.10', ou: '2.5.4.11', postal: '2.5.4.17',
};

/** certificate.ParseCSR: the first PEM block must be a CERTIFICATE REQUEST. */
export async function parseCSR(pem: string): Promise<Request> {
  const { Pkcs10CertificateRequest, SubjectAlternativeNameExtension } = await import('./x509.js');
  const m = /-----BEGIN ([^-\n]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(pem);
  if (m === null || m[1] !== 'CERTIFICATE REQUEST') throw new Error('Error parsing CSR: PEM block type must be CERTIFICATE REQUEST');
  const der = Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64');
  let csr: InstanceType<typeof Pkcs10CertificateRequest>;
  try {
    csr = new Pkcs10CertificateRequest(der);
  } catch (err) {
    throw new Error(`Error parsing CSR: ${(err as Error).message}`);
  }
  const subject: Record<string, string[]> = {};
  for (const [key, oid] of Object.entries(SUBJECT_OIDS)) subject[key] = csr.subjectName.getField(oid);
  const out: Request = { subject, dns: [], emails: [], uris: [], ips: [] };
  const san = csr.extensions.find((e) => e instanceof SubjectAlternativeNameExtension) as InstanceType<typeof SubjectAlternativeNameExtension> | undefined;
  for (const n of san?.names.items ?? []) {
    if (n.type === 'dns') out.dns.push(n.value);
    else if (n.type === 'email') out.emails.push(n.value);
    else if (n.type === 'url') out.uris.push(n.value);
    else if (n.type === 'ip') out.ips.push(n.value);
  }
  return out;
}

/** extractCSRStatus. */
function csrStatus(conditions: string[], certificate: string): string {
  let status = conditions.includes('Denied') ? 'Denied' : conditions.includes('Approved') ? 'Approved' : 'Pending';
  if (conditions.includes('Failed')) status += ',Failed';
  if (certificate !== '') status += ',Issued';
  return status;
}

function list(w: Writer, name: string, values: string[]): void {
  if (values.length === 0) return;
  w.write(LEVEL_0, `\t${name}:\t`);
  w.write(LEVEL_0, values.join('\n\t\t'));
  w.write(LEVEL_0, '\n');
}

export async function describeCertificateSigningRequest(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const csr = await getObject(env, apiPath('certificates.k8s.io/v1', 'certificatesigningrequests', undefined, name));
  const events = await eventsFor(env, refOf(csr, 'CertificateSigningRequest'));
  const spec = rec(csr.spec);
  const status = rec(csr.status);
  const req = await parseCSR(Buffer.from(str(spec.request), 'base64').toString('latin1'));
  const last = (v: string[] | undefined): string => v?.[v.length - 1] ?? '';
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${csr.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Labels:\t${formatLabels(csr.metadata.labels)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(csr.metadata.annotations)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(csr.metadata.creationTimestamp, env.zone)}\n`);
    w.write(LEVEL_0, `Requesting User:\t${str(spec.username)}\n`);
    if (str(spec.signerName) !== '') w.write(LEVEL_0, `Signer:\t${str(spec.signerName)}\n`);
    if (typeof spec.expirationSeconds === 'number') w.write(LEVEL_0, `Requested Duration:\t${humanDuration(num(spec.expirationSeconds) * 1000)}\n`);
    w.write(LEVEL_0, `Status:\t${csrStatus(recs(status.conditions).map((c) => str(c.type)), str(status.certificate))}\n`);
    w.write(LEVEL_0, 'Subject:\n');
    w.write(LEVEL_0, `\tCommon Name:\t${last(req.subject.cn)}\n`);
    w.write(LEVEL_0, `\tSerial Number:\t${last(req.subject.serial)}\n`);
    for (const [label, key] of [['Organization', 'o'], ['Organizational Unit', 'ou'], ['Country', 'c'], ['Locality', 'l'], ['Province', 'st'], ['StreetAddress', 'street'], ['PostalCode', 'postal']] as const) {
      list(w, label, req.subject[key] ?? []);
    }
    if (req.dns.length + req.emails.length + req.ips.length + req.uris.length > 0) {
      w.write(LEVEL_0, 'Subject Alternative Names:\n');
      list(w, 'DNS Names', req.dns);
      list(w, 'Email Addresses', req.emails);
      list(w, 'URIs', req.uris);
      list(w, 'IP Addresses', req.ips);
    }
    maybeEvents(events, w, env.now);
  });
}
