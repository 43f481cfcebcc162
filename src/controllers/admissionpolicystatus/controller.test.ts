import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { AdmissionPolicyStatusController } from './controller.js';

const policy = (generation: number, status?: Record<string, unknown>): Obj => ({
  apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy',
  metadata: { name: 'p', uid: 'u1', generation, resourceVersion: '1' },
  spec: { validations: [{ expression: 'true' }] },
  ...(status ? { status } : {}),
});

async function setup(p: Obj) {
  const env = fakeEnv();
  env.fake.seed(REFS.validatingadmissionpolicies, p);
  const c = new AdmissionPolicyStatusController(env.ctx);
  await env.ctx.informers.start();
  return { ...env, c };
}

describe('validatingadmissionpolicy-status controller', () => {
  it('writes the observed generation and an empty type check for a new or changed policy', async () => {
    const { c, fake } = await setup(policy(2, { observedGeneration: 1, typeChecking: {} }));
    expect(c.queue.length).toBe(1);
    await c.reconcile('/p');
    expect(fake.actions.map((a) => `${a.verb} ${a.resource} ${a.name}`)).toEqual(['update validatingadmissionpolicies p']);
    expect(fake.peek<Obj>(REFS.validatingadmissionpolicies, '', 'p')?.status).toEqual({ observedGeneration: 2, typeChecking: {} });
  });

  it('leaves a policy whose status is current', async () => {
    const { c, fake } = await setup(policy(1, { observedGeneration: 1, typeChecking: {} }));
    expect(c.queue.length).toBe(0);
    await c.reconcile('/p');
    expect(fake.actions).toEqual([]);
  });
});
