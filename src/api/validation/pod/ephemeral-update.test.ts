import { describe, expect, it } from 'vitest';
import { validateEphemeralContainersUpdate } from './ephemeral-update.js';

const dbg = { name: 'debugger-x', image: 'busybox', terminationMessagePolicy: 'File' };

describe('pods/ephemeralcontainers updates', () => {
  it('lets debug containers be added', () => {
    expect(validateEphemeralContainersUpdate({ ephemeralContainers: [dbg, { ...dbg, name: 'two' }] }, { ephemeralContainers: [dbg] })).toEqual([]);
  });

  it('refuses removing one (upstream\'s message ends in a newline)', () => {
    expect(validateEphemeralContainersUpdate({ ephemeralContainers: [] }, { ephemeralContainers: [dbg] })).toEqual([
      { type: 'Forbidden', field: 'spec.ephemeralContainers', detail: 'existing ephemeral containers "debugger-x" may not be removed\n' },
    ]);
  });

  it('refuses changing one, keyed by its name, with the diff after the message', () => {
    const [err] = validateEphemeralContainersUpdate({ ephemeralContainers: [{ ...dbg, image: 'alpine' }] }, { ephemeralContainers: [dbg] });
    expect(err?.field).toBe('spec.ephemeralContainers[debugger-x]');
    expect(err?.detail).toMatch(/^existing ephemeral containers "debugger-x" may not be changed\n[\s\S]*- \t*Image: +"busybox",[\s\S]*\+ \t*Image: +"alpine",/);
  });
});
