import { basename } from 'node:path';
import { type EventContext, eventContext, readEventPayload } from '../../../shared/context.js';
import { UserError } from '../../../shared/errors.js';
import type { GitHub } from '../../../shared/github.js';
import { lazyGitHub } from '../../../shared/github-lazy.js';
import { writeInside } from '../../../shared/files.js';
import { Git } from '../../../shared/git.js';
import { parseInputs } from '../../../shared/inputs.js';
import { loadYaml } from '../../../shared/yaml.js';
import type { ActionIO } from '../../../shared/io.js';
import type { DeployApi } from './deploy-api.js';
import { readDeployedCommit } from './deployed-commit.js';
import { envFilePlace } from './env-file.js';
import { findHistory } from './history.js';
import { checkOptions, inputs } from './options.js';
import { buildIdOf, buildRecord, pushAuthorLogin } from './record.js';
import { type Written, deployLines, outputValues, summarize } from './report.js';
import { renderSinks } from './sinks.js';

export { inputs };

/** Loads the API module and client only when something needs GitHub: most runs never pay for it. */
async function connect(
  github: (why: string) => Promise<GitHub>,
  why: string,
  ctx: EventContext,
): Promise<DeployApi> {
  const [gh, { DeployApi: Api }] = await Promise.all([github(why), import('./deploy-api.js')]);
  if (!ctx.owner || !ctx.repo)
    throw new UserError(
      `GITHUB_REPOSITORY is not set, but ${why} needs to know the repository; set it as owner/name.`,
    );
  return new Api(gh, ctx.owner, ctx.repo);
}

export async function run(io: ActionIO): Promise<void> {
  const options = await parseInputs(inputs, io, { secret: ['token'] });
  const payload = readEventPayload(io.env);
  const ctx = eventContext(io.env, payload);
  const workspace = ctx.workspace || process.cwd();
  const settings = checkOptions(options, ctx.repo || basename(workspace));
  const envFile = envFilePlace(options['env-file'], workspace, io.env.RUNNER_TEMP);

  let client: Promise<DeployApi> | undefined;
  const github = () =>
    (client ??= connect(
      lazyGitHub(io, options.token),
      'create-deployment, deployment-id or create-tag',
      ctx,
    ));
  // A missing token or repository fails here, before anything is computed or written.
  if (settings.writesToGitHub) await github();
  const lookUpOnGitHub = options['previous-lookup'] === 'auto' && options.token && ctx.owner;

  const git = new Git(workspace, { trace: (line) => io.log.debug(line) });
  const wanted = { version: options.version, requireSemver: options['require-semver'] };
  // Whether this is a repository at all is asked only when reading the commit failed: one process less.
  const { commit, version, ref } = await readDeployedCommit(git, ctx, wanted).catch(async (error) => {
    if (await git.isRepository()) throw error;
    throw new UserError(`${workspace} is not a git repository; run actions/checkout before deploy-metadata.`);
  });
  const deploy = { environment: options.environment, buildId: buildIdOf(ctx), sha: commit.sha };
  const history = await io.log.group('Previous deploy', () =>
    findHistory(
      {
        git,
        github: lookUpOnGitHub ? github : undefined,
        tagPrefix: options['tag-prefix'],
        maxChanges: options['max-changes'],
      },
      deploy,
    ),
  );
  const record = buildRecord({
    ctx: { ...ctx, ref },
    environment: options.environment,
    service: settings.service,
    commit,
    authorLogin: pushAuthorLogin(payload, commit.sha),
    version,
    created: settings.created,
    now: new Date(),
    previous: history.previous,
    changes: history.changes,
  });
  for (const line of deployLines(record)) io.log.info(line);
  // Every text sink is computed before anything is written, so a failure leaves none half-written.
  await loadYaml(); // the labels are YAML; its writer loads after the first output, not at start-up
  const sinks = renderSinks(record, {
    partOf: options['part-of'] ?? (ctx.repo || settings.service),
    existingOtel: io.env.OTEL_RESOURCE_ATTRIBUTES,
  });

  let written: Written = {};
  if (settings.writesToGitHub) {
    const { publish } = await import('./publish.js');
    written = await publish(await github(), record, {
      createDeployment: options['create-deployment'],
      deploymentId: settings.deploymentId,
      state: settings.deploymentState,
      environmentUrl: options['environment-url'],
      createTag: options['create-tag'],
      tagPrefix: options['tag-prefix'],
    });
    if (written.tagSkipped) io.log.info(`Deploy tag not created: ${written.tagSkipped}.`);
  }
  if (envFile) {
    writeInside(workspace, envFile.path, sinks.dotenv, envFile.place);
    written.envFile = envFile.path;
  }
  if (options['export-env']) for (const [name, value] of sinks.variables) io.exportVariable(name, value);
  for (const [name, value] of outputValues(record, sinks, written)) io.setOutput(name, value);
  for (const note of history.notes) io.log[note.level](note.text);
  await io.writeSummary(summarize(record, written, history.notes, options['export-env']));
}
