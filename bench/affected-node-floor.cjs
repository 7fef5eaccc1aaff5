// The floor for any Node program answering what bench/affected.mjs asks: node starts, spawns the git
// calls the work cannot avoid (both revisions and the head's listing at once, then merge-base and
// the diff at once, then every manifest in one cat-file), parses each manifest's name and writes a
// matrix of them to GITHUB_OUTPUT. No graph, no summary, no checks: what is left of `affected` above
// this row is its own work; what is left of the floor row below this one is Node's child processes.
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');

const cwd = process.env.GITHUB_WORKSPACE;
const git = (args, input) =>
  new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'ignore'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('close', () => resolve(Buffer.concat(chunks)));
    if (input) child.stdin.end(input);
  });

(async () => {
  const [, listing] = await Promise.all([
    git(['rev-parse', '--verify', 'main^{commit}', 'HEAD^{commit}']),
    git(['ls-tree', '-r', '-z', '--full-tree', 'HEAD']),
  ]);
  await Promise.all([
    git(['merge-base', 'main', 'HEAD']),
    git(['diff', '--name-status', '-z', '-M', 'main', 'HEAD']),
  ]);
  const blobs = listing
    .toString()
    .split('\0')
    .filter((entry) => entry.endsWith('/package.json') || entry.endsWith('\tpackage.json'))
    .map((entry) => entry.split(' ')[2].split('\t')[0]);
  const out = await git(['cat-file', '--batch'], `${blobs.join('\n')}\n`);
  const include = [];
  for (let at = 0; at < out.length;) {
    const eol = out.indexOf(10, at);
    const size = Number(out.toString('latin1', at, eol).split(' ')[2]);
    const { name } = JSON.parse(out.toString('utf8', eol + 1, eol + 1 + size));
    include.push({ project: name, path: `packages/${name}` });
    at = eol + 2 + size;
  }
  writeFileSync(process.env.GITHUB_OUTPUT, `matrix<<EOF\n${JSON.stringify({ include })}\nEOF\n`);
})();
