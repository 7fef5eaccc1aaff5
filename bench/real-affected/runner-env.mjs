// The environment a runner gives the affected bundle on a push event, shared by the corpus runner
// (run.mjs) and the astro timing (astro-cpu.mjs).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { root } from '../lib.mjs';

/** The environment of a runner's push event for case `c`, its files in `temp` (made empty). */
export function runnerEnv(bundle, dir, c, temp) {
  const beside = join(dirname(bundle), '..', '..', 'actions', 'affected', 'action.yml');
  const actionYml = existsSync(beside) ? beside : join(root, 'actions', 'affected', 'action.yml');
  const inputs = parseYaml(readFileSync(actionYml, 'utf8')).inputs ?? {};
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: temp };
  for (const [name, input] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase()}`] = input.default ?? '';
  Object.assign(env, {
    INPUT_BASE: c.base,
    INPUT_HEAD: c.commit,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
    GITHUB_SHA: c.commit,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: c.repo,
  });
  for (const f of ['output', 'summary', 'env', 'state']) writeFileSync(join(temp, f), '');
  writeFileSync(
    env.GITHUB_EVENT_PATH,
    JSON.stringify({ before: c.base, after: c.commit, repository: { default_branch: 'main' } }),
  );
  return env;
}
