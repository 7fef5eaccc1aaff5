// `npm run bench`: runs every benchmark in one go on this machine, then gathers their tables into
// bench/results.md and the README (between the bench markers), with the machine and peers named.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CLEARED_ENV, peerBin, root } from './lib.mjs';

const BENCHES = [
  ['startup', 'bench/startup.mjs'],
  ['affected', 'bench/affected.mjs'],
  ['deploy-metadata', 'bench/deploy-metadata.mjs'],
  ['migrations', 'bench/migrations.mjs'],
  ['flaky', 'bench/flaky.mjs'],
  ['gate', 'bench/gate.mjs'],
];

// `node bench/run.mjs flaky gate` runs only those, and gathers the others' last results as they are.
const only = new Set(process.argv.slice(2));
const missingPeers = ['turbo', 'nx', 'pnpm', 'squawk'].filter((p) => !peerBin(p));
const sections = [];
for (const [name, script] of BENCHES) {
  if (!existsSync(join(root, script))) {
    sections.push(`### ${name}\n\n_No benchmark yet (${script} is missing)._`);
    continue;
  }
  if (!only.size || only.has(name)) {
    console.log(`\n=== ${name} (${script})`);
    execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  }
  const file = join(root, 'bench', `results-${name}.md`);
  // Each benchmark titles its own file; here every section sits at one level, named the same way.
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : `_${script} wrote no results._`;
  sections.push(`### ${name}\n\n${text.replace(/^#{1,6} .*\n+/, '').replace(/^#{1,6} /gm, '#### ')}`);
}

const header = [
  `Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  missingPeers.length
    ? `Peers not installed in this run (\`npm run bench:peers\` installs them): ${missingPeers.join(', ')}.`
    : 'Peers installed by `npm run bench:peers` (versions in bench/install-peers.mjs) and run in the same process loop.',
  CLEARED_ENV.length
    ? `Every tool ran without ${CLEARED_ENV.join(', ')}, which this machine sets for all processes and GitHub's runners do not (Node reads the CA bundle at start-up: about 40 ms).`
    : '',
]
  .filter(Boolean)
  .join(' ');
const body = `${header}\n\n${sections.join('\n\n')}\n`;
writeFileSync(join(root, 'bench', 'results.md'), `# Benchmark results\n\n${body}`);

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (readme.includes(start) && readme.includes(end)) {
  // The README keeps the headline and a pointer; the tables (with their profiles) are long.
  const names = sections.map((section) => section.split('\n', 1)[0].replace('### ', ''));
  const pointer = `${header}\n\nThe tables, side by side with the peers and with the command that reproduces each: [bench/results.md](bench/results.md) (${names.join(', ')}).\n`;
  const updated = `${readme.slice(0, readme.indexOf(start) + start.length)}\n\n${pointer}\n${readme.slice(readme.indexOf(end))}`;
  writeFileSync(readmePath, updated);
}
// The tables are hand-built Markdown: let prettier align them as the format check expects.
execFileSync(
  join(root, 'node_modules', '.bin', 'prettier'),
  ['--write', 'README.md', 'bench/results.md', 'bench/results-*.md'],
  {
    cwd: root,
    stdio: 'ignore',
  },
);
console.log(`\nWrote bench/results.md${readme.includes(start) ? ' and the README tables' : ''}.`);
