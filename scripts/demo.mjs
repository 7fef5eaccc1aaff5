// `npm run demo`: runs every action through the bundled command line on sample data shipped in the
// repository (actions/<name>/demo.yml says which; scripts/demo-repo.mjs builds it in a temp folder)
// and prints what each would do.
// No network and no token: the environment is cleared of GitHub variables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS } from './actions.mjs';
import { prepareDemo } from './demo-repo.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|ACTIONS_|RUNNER_)/.test(k)),
);

let broken = 0;
const heading = (text) => `\n== ${text} ${'='.repeat(Math.max(3, 100 - text.length))}`;
for (const name of ACTIONS) {
  const temp = mkdtempSync(join(tmpdir(), `trunk-demo-${name}-`));
  try {
    const { title, args } = prepareDemo(name, temp);
    console.log(heading(`${name}: ${title}`));
    console.log(
      `$ trunk-actions ${name} ${args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`,
    );
    const run = spawnSync(process.execPath, [cli, name, ...args], { cwd: temp, env, encoding: 'utf8' });
    process.stdout.write(run.stdout);
    process.stdout.write(run.stderr);
    const meaning = {
      0: 'success',
      1: 'the action failed its step, as it would on a runner',
      2: 'usage or input error',
    }[run.status];
    console.log(`(exit ${run.status}: ${meaning ?? 'crash'})`);
    if (run.status !== 0 && run.status !== 1) broken++;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
process.exitCode = broken ? 1 : 0;
