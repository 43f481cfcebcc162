import { describe, expect, it } from 'vitest';
import { reviewVersion, verifyResponse } from './review.js';
import { hookUrl, genericResponseMessage } from './client.js';
import { deniedError } from './dispatch.js';

const v1 = (response: object | null) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response });

describe('AdmissionReview answers (VerifyAdmissionResponse)', () => {
  it('refuses what upstream refuses, in its words', () => {
    expect(() => verifyResponse('u', false, v1(null))).toThrow('webhook response was absent');
    expect(() => verifyResponse('u', false, v1({ uid: 'x', allowed: true }))).toThrow('expected response.uid="u", got "x"');
    expect(() => verifyResponse('u', false, { response: { uid: 'u', allowed: true } })).toThrow('expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got /, Kind=');
    expect(() => verifyResponse('u', false, v1({ uid: 'u', allowed: true, patch: 'W10=' }))).toThrow('validating webhook may not return response.patch');
    expect(() => verifyResponse('u', true, v1({ uid: 'u', allowed: true, patch: 'W10=' }))).toThrow('webhook returned response.patch but not response.patchType');
    expect(() => verifyResponse('u', true, v1({ uid: 'u', allowed: true, patchType: 'JSONPatch' }))).toThrow('webhook returned response.patchType but not response.patch');
  });
  it('takes a v1beta1 answer as it comes', () => {
    expect(verifyResponse('u', true, { response: { allowed: true, patch: 'W10=' } }, 'v1beta1')).toEqual({ allowed: true, patch: 'W10=', patchType: 'JSONPatch' });
  });
  it('picks the first review version the webhook lists that it knows', () => {
    expect(reviewVersion(['v2', 'v1beta1', 'v1'])).toBe('v1beta1');
    expect(reviewVersion(['v2'])).toBeUndefined();
  });
});

describe('calling and denying', () => {
  it('writes the URL as client-go requests it', () => {
    expect(hookUrl({ name: 'h', clientConfig: { service: { namespace: 'ns', name: 'svc' } } }).shown).toBe('https://svc.ns.svc:443/?timeout=10s');
    expect(hookUrl({ name: 'h', clientConfig: { service: { namespace: 'ns', name: 'svc', path: '/v/', port: 8443 } }, timeoutSeconds: 3 }).shown).toBe('https://svc.ns.svc:8443/v?timeout=3s');
    expect(hookUrl({ name: 'h', clientConfig: { url: 'https://example.com:443/a' } }).shown).toBe('https://example.com:443/a?timeout=10s');
  });
  it('words an answer without a Status body as apierrors does', () => {
    expect(genericResponseMessage(500, 'boom\n')).toBe('an error on the server ("boom") has prevented the request from succeeding');
    expect(genericResponseMessage(404, '')).toBe('the server could not find the requested resource');
    expect(genericResponseMessage(302, '')).toBe('the server responded with the status code 302 but did not return more information');
  });
  it('turns a denial into the request\'s status (ToStatusErr)', () => {
    expect(deniedError('h', undefined).status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'admission webhook "h" denied the request without explanation', code: 400 });
    expect(deniedError('h', { code: 200, reason: 'Teapot' }).status).toMatchObject({ message: 'admission webhook "h" denied the request: Teapot', reason: 'Teapot', code: 400 });
    expect(deniedError('h', { code: 422, message: 'no' }).code).toBe(422);
  });
});
