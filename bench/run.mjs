// `npm run bench`: bundles bench/main.ts (it reaches into src/) and runs it. Reports ratios
// measured in this one run; nothing here is a pass/fail test.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

mkdirSync('node_modules/.cache', { recursive: true });
const outfile = 'node_modules/.cache/kubedojo-bench.mjs';
await build({ entryPoints: ['bench/main.ts'], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
const { main } = await import(`../${outfile}`);
process.exitCode = await main(process.argv.slice(2));
