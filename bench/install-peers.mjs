// Installs the tools we are measured against into .bench-peers/, outside the project's dependencies,
// at the versions the README's tables name. `npm run bench:peers`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEERS = { turbo: '2.11.11', nx: '24.0.6', pnpm: '12.21.0', 'squawk-cli': '2.66.0' };

const dir = join(process.cwd(), '.bench-peers');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, name: 'bench-peers' }, null, 2));
const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
console.log(`Installing ${specs.join(', ')} into .bench-peers/`);
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, ...specs], { stdio: 'inherit' });
