import { describe, expect, it } from 'vitest';
import { REFS } from '../client/refs.js';
import { FakeClient } from '../controllers/framework/fake-client.js';
import { startScheduler } from './index.js';
import { makeNode, makePod } from './testing.js';

describe('startScheduler', () => {
  it('runs the loop over its own informers, records events.k8s.io Events, and stops', async () => {
    const fake = new FakeClient();
    fake.seed(REFS.nodes, makeNode('n1'));
    const running = await startScheduler({ client: fake, log: () => {}, random: () => 0 });
    await fake.create(REFS.pods, 'default', makePod('web', { cpu: '100m' }));
    for (let i = 0; i < 20 && !(fake.peek(REFS.pods, 'default', 'web')?.spec as { nodeName?: string }).nodeName; i++) await new Promise((r) => setImmediate(r));
    await running.stop();
    expect((fake.peek(REFS.pods, 'default', 'web')?.spec as { nodeName?: string }).nodeName).toBe('n1');
    expect(fake.all(REFS.eventsV1)).toMatchObject([{ reason: 'Scheduled', reportingController: 'default-scheduler', action: 'Binding' }]);
  });
});
