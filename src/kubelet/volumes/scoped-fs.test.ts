import { Bash, InMemoryFs, MountableFs } from 'just-bash';
import { describe, expect, it } from 'vitest';
import { ScopedFs } from './scoped-fs.js';

async function shell() {
  const vol = new InMemoryFs();
  await vol.mkdir('/sub', { recursive: true });
  await vol.writeFile('/a', 'A\n');
  await vol.writeFile('/b', 'B\n');
  await vol.writeFile('/sub/c', 'C\n');
  const fs = new MountableFs({
    base: new InMemoryFs(),
    mounts: [
      { mountPoint: '/etc/config', filesystem: new ScopedFs(vol, '/', true, '/etc/config') },
      { mountPoint: '/work', filesystem: new ScopedFs(vol, '/sub', false, '/work') },
      { mountPoint: '/etc/app.conf', filesystem: new ScopedFs(vol, '/a', true, '/etc/app.conf') },
    ],
  });
  return { vol, bash: new Bash({ fs }) };
}

describe('ScopedFs mounted in a shell', () => {
  it.each([
    ['cat /etc/config/*', 'A\nB\n'],
    ['ls /etc/config', 'a\nb\nsub\n'],
    ['cd /etc/config && cat a && pwd', 'A\n/etc/config\n'],
    ['cat /work/c', 'C\n'],
    ['cat /etc/app.conf', 'A\n'],
    ['touch /etc/config/x; echo $?', '1\n'],
  ])('%s', async (script, out) => {
    const { bash } = await shell();
    expect((await bash.exec(script)).stdout).toBe(out);
  });

  it('writes through a writable subPath view to the volume', async () => {
    const { bash, vol } = await shell();
    await bash.exec('echo new > /work/d');
    expect(await vol.readFile('/sub/d')).toBe('new\n');
  });
});
