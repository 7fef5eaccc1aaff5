import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { type EventContext, eventContext, readEventPayload } from '../../../shared/context.js';
import { lazyGitHub } from '../../../shared/github-lazy.js';
import { InputError, UserError, describeError } from '../../../shared/errors.js';
import { writeInside } from '../../../shared/files.js';
import { Git } from '../../../shared/git.js';
import type { GitHub } from '../../../shared/github.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { resolveInside } from '../../../shared/paths.js';
import { type Changes, toChanges } from './changes.js';
import type { DeployApi, DeploymentState } from './deploy-api.js';
import {
  type DeployRecord,
  type Previous,
  buildRecord,
  deployTags,
  nameProblem,
  previousFromTags,
  pushAuthorLogin,
  tagPrefixProblem,
} from './record.js';
import { type Note, type Written, outputValues, summarize } from './report.js';
import { renderSinks } from './sinks.js';
import { chooseVersion } from './version.js';

const STATES = ['in_progress', 'queued', 'pending', 'success', 'failure', 'error', 'inactive'] as const;

export const inputs = {
  environment: input.required(),
  service: input.optional(),
  version: input.optional(),
  'require-semver': input.boolean(),
  created: input.oneOf(['commit', 'now']),
  'max-changes': input.integer(0, 10_000),
  'part-of': input.optional(),
  'previous-lookup': input.oneOf(['auto', 'git']),
  'export-env': input.boolean(),
  'env-file': input.optional(),
  'create-deployment': input.boolean(),
  'deployment-id': input.optional(),
  'deployment-status': input.oneOf(STATES),
  'environment-url': input.optional(),
  'create-tag': input.boolean(),
  'tag-prefix': input.text(),
  token: input.optional(),
};

type Options = Awaited<ReturnType<typeof parseInputs<typeof inputs>>>;

/** Checks what parsing cannot: names that must fit tags and labels, ids and URLs. */
function checkOptions(options: Options, ctx: EventContext): { service: string; deploymentId?: number } {
  const service = options.service ?? ctx.repo ?? '';
  for (const [name, value] of [
    ['environment', options.environment],
    ['service', service],
  ] as const) {
    const problem = nameProblem(value);
    if (problem) {
      const shown = JSON.stringify(value.slice(0, 100));
      throw new InputError(
        `Input "${name}" is ${shown}${name === 'service' && !options.service ? ' (the repository name)' : ''}, which is not allowed: ${problem}.`,
      );
    }
  }
  const prefixProblem = tagPrefixProblem(options['tag-prefix']);
  if (prefixProblem)
    throw new InputError(
      `Input "tag-prefix" is ${JSON.stringify(options['tag-prefix'].slice(0, 100))}, which is not allowed: ${prefixProblem}.`,
    );
  const rawId = options['deployment-id'];
  if (rawId !== undefined && !/^[1-9]\d{0,15}$/.test(rawId))
    throw new InputError(
      `Input "deployment-id" is ${JSON.stringify(rawId.slice(0, 100))}, which is not allowed: use the numeric deployment-id output of an earlier step.`,
    );
  const url = options['environment-url'];
  if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url))
    throw new InputError(
      `Input "environment-url" is ${JSON.stringify(url.slice(0, 100))}, which is not allowed: use an http(s) URL.`,
    );
  return { service, deploymentId: rawId === undefined ? undefined : Number(rawId) };
}

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

interface History {
  previous?: Previous;
  changes?: Changes;
  notes: Note[];
}

/** The previous deploy of the environment: local deploy tags, then GitHub's tags, then its deployments. */
async function findPrevious(
  git: Git,
  draft: DeployRecord,
  prefix: string,
  api: (() => Promise<DeployApi>) | undefined,
): Promise<{ previous?: Previous; note?: Note }> {
  const local = deployTags(await git.tags(`${prefix}${draft.environment}/`), prefix, draft.environment);
  const fromLocal = await previousFromTags(
    local,
    async (tag) => ({ commit: tag.commit!, message: await git.tagMessage(tag.name) }),
    draft,
  );
  if (fromLocal || !api) return { previous: fromLocal };
  try {
    const client = await api();
    const remote = await client.deployTags(prefix, draft.environment);
    return {
      previous:
        (await previousFromTags(remote, (tag) => client.peel(tag), draft)) ??
        (await client.lastSuccessfulDeployment(draft)),
    };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const text = `Could not look up the previous deploy on GitHub (${describeError(error)}), so changes since it are not listed; give the token "contents: read" and "deployments: read", or set previous-lookup: git.`;
    return { note: { level: 'warning', text } };
  }
}

/** Commits since the previous deploy, deepening a shallow clone as needed; a note when impossible. */
async function changesSince(
  git: Git,
  previous: Previous,
  head: string,
  max: number,
): Promise<Omit<History, 'previous'>> {
  const where = previous.tag ? `deploy tag ${previous.tag}` : 'the last successful deployment';
  const unreachable = `The previous deploy ${previous.sha.slice(0, 7)} (${where}) is not in this clone and could not be fetched, so changes since it are not listed; check out with actions/checkout fetch-depth: 0.`;
  let prev = await git.tryResolve(previous.sha);
  if (!prev && (await git.fetch([previous.sha], 1))) prev = await git.tryResolve(previous.sha);
  if (!prev) return { notes: [{ level: 'warning', text: unreachable }] };
  try {
    await git.mergeBase(prev, head);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { notes: [{ level: 'warning', text: `${unreachable} (${error.message})` }] };
  }
  const [raw, count] = await Promise.all([
    git.log(prev, head, { max, firstParent: true }),
    git.countCommits(prev, head, true),
  ]);
  return { changes: toChanges(raw, count, max), notes: [] };
}

/** The previous deploy and the changes since it, with what could not be found and why. */
async function history(
  git: Git,
  draft: DeployRecord,
  options: Options,
  api: (() => Promise<DeployApi>) | undefined,
): Promise<History> {
  const found = await findPrevious(git, draft, options['tag-prefix'], api);
  if (found.previous)
    return {
      previous: found.previous,
      ...(await changesSince(git, found.previous, draft.sha, options['max-changes'])),
    };
  if (found.note) return { notes: [found.note] };
  const env = draft.environment;
  return {
    notes: [
      // GitHub, when asked, knows every deploy tag; a shallow clone alone may just lack them.
      !api && (await git.isShallow())
        ? {
            level: 'warning',
            text: `No earlier deploy of ${env} was found in this shallow clone: if this is not the first one, check out with fetch-depth: 0 (which fetches the deploy tags) or let GitHub be asked (previous-lookup: auto with a token).`,
          }
        : { level: 'info', text: `No earlier deploy of ${env} was found: this is the first one.` },
    ],
  };
}

/** The deployed commit and its version. */
async function commitFacts(git: Git, ctx: EventContext, options: Options) {
  const head = await git.resolve(
    ctx.pullRequest?.headSha ? 'the pull request head' : 'the event commit',
    ctx.headSha || 'HEAD',
  );
  const derive = options.version === undefined;
  // Independent git reads, run side by side: each git process costs tens of milliseconds.
  const [commit, tagsOnCommit, describe] = await Promise.all([
    git.commit(head),
    derive ? git.tagsAt(head) : [],
    derive ? git.describe(head, ['v[0-9]*.[0-9]*.[0-9]*', '[0-9]*.[0-9]*.[0-9]*']) : undefined,
  ]);
  try {
    const version = chooseVersion({
      input: options.version,
      requireSemver: options['require-semver'],
      tagsOnCommit,
      describe,
      shortSha: head.slice(0, 7),
    });
    return { commit, version };
  } catch (error) {
    throw new InputError(describeError(error));
  }
}

const envFilePlace = (io: ActionIO) => ({ input: 'env-file', extraRoots: [io.env.RUNNER_TEMP ?? ''] });

/** Where the dotenv file goes, checked before anything is written. */
function envFilePath(io: ActionIO, workspace: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const place = envFilePlace(io);
  const path = resolveInside(workspace, raw, place.input, place.extraRoots);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new InputError(
      `Input "env-file" is ${JSON.stringify(raw.slice(0, 200))}, which is a directory; give a file path.`,
    );
  return path;
}

export async function run(io: ActionIO): Promise<void> {
  const options = await parseInputs(inputs, io, { secret: ['token'] });
  const payload = readEventPayload(io.env);
  const ctx = eventContext(io.env, payload);
  const workspace = ctx.workspace || process.cwd();
  const { service, deploymentId } = checkOptions(options, { ...ctx, repo: ctx.repo || basename(workspace) });
  const envFile = envFilePath(io, workspace, options['env-file']);
  const apiSinks = options['create-deployment'] || deploymentId !== undefined || options['create-tag'];

  let client: Promise<DeployApi> | undefined;
  const api = () =>
    (client ??= connect(
      lazyGitHub(io, options.token),
      'create-deployment, deployment-id or create-tag',
      ctx,
    ));
  // A missing token or repository fails here, before anything is computed or written.
  if (apiSinks) await api();
  const lookupApi = options['previous-lookup'] === 'auto' && options.token && ctx.owner ? api : undefined;

  const git = new Git(workspace, { trace: (line) => io.log.debug(line) });
  if (!(await git.isRepository()))
    throw new UserError(`${workspace} is not a git repository; run actions/checkout before deploy-metadata.`);
  const { commit, version } = await commitFacts(git, ctx, options);
  // Outside a runner there is no GITHUB_REF: the branch checked out stands in.
  const ref = ctx.ref || (await git.exec(['symbolic-ref', '--quiet', 'HEAD'])).stdout.trim();
  const facts = {
    ctx: { ...ctx, ref },
    environment: options.environment,
    service,
    commit,
    authorLogin: pushAuthorLogin(payload, commit.sha),
    version,
    created: options.created as 'commit' | 'now',
    now: new Date(),
  };
  const found = await io.log.group('Previous deploy', () =>
    history(git, buildRecord(facts), options, lookupApi),
  );
  const record = buildRecord({ ...facts, previous: found.previous, changes: found.changes });
  io.log.info(
    `Deploy record: ${record.service} ${record.version} (${record.shortSha}) to ${record.environment}, deploy id ${record.deployId}.`,
  );
  if (record.previous)
    io.log.info(
      `Previous deploy: ${record.previous.tag ?? `deployment of ${record.previous.sha.slice(0, 7)}`}${record.changes ? `, ${record.changes.count} change(s) since` : ''}.`,
    );
  // Every text sink is computed before anything is written, so a failure leaves none half-written.
  const sinks = renderSinks(record, {
    partOf: options['part-of'] ?? (ctx.repo || service),
    existingOtel: io.env.OTEL_RESOURCE_ATTRIBUTES,
  });

  const written: Written = {};
  if (apiSinks) await writeApiSinks(io, await api(), record, options, deploymentId, written);
  if (envFile) {
    writeInside(workspace, envFile, sinks.dotenv, envFilePlace(io));
    written.envFile = envFile;
  }
  if (options['export-env']) for (const [name, value] of sinks.variables) io.exportVariable(name, value);
  for (const [name, value] of outputValues(record, sinks, written)) io.setOutput(name, value);
  for (const note of found.notes) {
    if (note.level === 'warning') io.log.warning(note.text);
    else io.log.info(note.text);
  }
  await io.writeSummary(summarize(record, written, found.notes, options['export-env']));
}

async function writeApiSinks(
  io: ActionIO,
  api: DeployApi,
  record: DeployRecord,
  options: Options,
  givenId: number | undefined,
  written: Written,
): Promise<void> {
  const { explainApiError } = await import('./deploy-api.js');
  const state = options['deployment-status'] as DeploymentState;
  const step = async <T>(what: string, permission: string, body: () => Promise<T>): Promise<T> => {
    try {
      return await body();
    } catch (error) {
      if (error instanceof UserError) throw error;
      const done = [
        written.deploymentId
          ? `deployment ${written.deploymentId} is ${written.deploymentCreated ? 'created' : 'in place'}`
          : '',
      ].filter(Boolean);
      throw explainApiError(
        `${what}${done.length ? ` (${done.join('; ')}; run the job again to finish)` : ''}`,
        error,
        permission,
      );
    }
  };
  if (options['create-deployment'] || givenId !== undefined) {
    if (givenId !== undefined) {
      await step('Reading deployment', 'deployments: read', () => api.checkDeployment(givenId, record));
      written.deploymentId = givenId;
      written.deploymentCreated = false;
    } else {
      const deployment = await step('Creating the deployment', 'deployments: write', () =>
        api.ensureDeployment(record),
      );
      written.deploymentId = deployment.id;
      written.deploymentCreated = deployment.created;
    }
    const status = await step('Setting the deployment status', 'deployments: write', () =>
      api.setStatus(written.deploymentId!, {
        state,
        logUrl: record.runUrl ? `${record.runUrl}/attempts/${record.buildId.split('-')[1]}` : '',
        environmentUrl: options['environment-url'],
        description: `${record.service} ${record.version} (${record.shortSha})`,
      }),
    );
    written.statusCreated = status.created;
  }
  if (options['create-tag']) {
    if (written.deploymentId !== undefined && state !== 'success') {
      written.tagSkipped = `the deployment status is ${state}; the deploy tag is created with the success status`;
      io.log.info(`Deploy tag not created: ${written.tagSkipped}.`);
      return;
    }
    const tag = await step('Creating the deploy tag', 'contents: write', () =>
      api.ensureTag(record, options['tag-prefix']),
    );
    written.tag = tag.name;
    written.tagCreated = tag.created;
  }
}
