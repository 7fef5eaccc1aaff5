import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';
import { readTextInside } from './files.js';

type Env = Readonly<Record<string, string | undefined>>;
type Json = Record<string, unknown>;

export interface PullRequestInfo {
  number: number;
  baseSha?: string;
  headSha?: string;
  baseRef?: string;
  headRef?: string;
  labels: string[];
  author?: string;
}

/** Everything an action needs to know about the triggering event, read once into plain data. */
export interface EventContext {
  eventName: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  repositoryUrl: string;
  /** GITHUB_SHA: for pull_request this is the merge commit, not the head. */
  sha: string;
  ref: string;
  refName: string;
  defaultBranch?: string;
  actor: string;
  runId: string;
  runAttempt: number;
  runNumber: string;
  runUrl: string;
  workflow: string;
  job: string;
  workspace: string;
  pullRequest?: PullRequestInfo;
  push?: { before?: string; after?: string; forced: boolean; created: boolean };
  mergeGroup?: { baseSha?: string; headSha?: string; baseRef?: string; headRef?: string };
  /** workflow_dispatch inputs. */
  inputs: Record<string, string>;
  /** The commit whose content is being built: the PR head for pull requests, else GITHUB_SHA. */
  headSha: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

/** GitHub caps webhook payloads at 25 MB; a larger event file is not one the runner wrote. */
export const MAX_EVENT_BYTES = 32 * 1024 * 1024;

/**
 * Reads GITHUB_EVENT_PATH; an absent path (local runs) is an empty payload, a broken file an error.
 * The runner writes it into its temp folder, outside the workspace, so that folder (RUNNER_TEMP) and
 * the file's own folder are the roots it may lead into; it is read like every other file (files.ts):
 * a regular file, no link leading elsewhere (to /dev/zero or /proc), at most MAX_EVENT_BYTES.
 */
export function readEventPayload(env: Env): Json {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  const place = {
    input: 'GITHUB_EVENT_PATH',
    maxBytes: MAX_EVENT_BYTES,
    extraRoots: [env.RUNNER_TEMP ?? ''],
  };
  const text = readTextInside(dirname(resolve(path)), path, place);
  try {
    return obj(JSON.parse(text));
  } catch (error) {
    throw new UserError(
      `The event payload at GITHUB_EVENT_PATH (${path.slice(0, 200)}) is not JSON: ${(error as Error).message}`,
    );
  }
}

/** Builds the event context from the runner's environment and the event payload. Pure. */
export function eventContext(env: Env, payload: Json): EventContext {
  const repository = obj(payload.repository);
  const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  const owner = envOwner || str(obj(repository.owner).login) || '';
  const repo = envRepo || str(repository.name) || '';
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
  const runId = env.GITHUB_RUN_ID ?? '';
  const repositoryUrl = owner && repo ? `${serverUrl}/${owner}/${repo}` : '';
  const eventName = env.GITHUB_EVENT_NAME ?? '';

  const pr = obj(payload.pull_request);
  const pullRequest: PullRequestInfo | undefined =
    typeof pr.number === 'number'
      ? {
          number: pr.number,
          baseSha: str(obj(pr.base).sha),
          headSha: str(obj(pr.head).sha),
          baseRef: str(obj(pr.base).ref),
          headRef: str(obj(pr.head).ref),
          labels: (Array.isArray(pr.labels) ? pr.labels : [])
            .map((l) => str(obj(l).name))
            .filter((l) => !!l) as string[],
          author: str(obj(pr.user).login),
        }
      : undefined;

  const push =
    eventName === 'push'
      ? {
          before: str(payload.before),
          after: str(payload.after),
          forced: payload.forced === true,
          created: payload.created === true,
        }
      : undefined;

  const mg = obj(payload.merge_group);
  const mergeGroup =
    eventName === 'merge_group'
      ? {
          baseSha: str(mg.base_sha),
          headSha: str(mg.head_sha),
          baseRef: str(mg.base_ref),
          headRef: str(mg.head_ref),
        }
      : undefined;

  // own properties only: a dispatch input named `__proto__` is an ordinary entry
  const inputs: Record<string, string> = Object.fromEntries(
    Object.entries(obj(payload.inputs)).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );

  const sha = env.GITHUB_SHA ?? '';
  const ref = env.GITHUB_REF ?? '';
  return {
    eventName,
    owner,
    repo,
    serverUrl,
    apiUrl,
    repositoryUrl,
    sha,
    ref,
    refName: env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, ''),
    defaultBranch: str(repository.default_branch),
    actor: env.GITHUB_ACTOR ?? '',
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    runUrl: repositoryUrl && runId ? `${repositoryUrl}/actions/runs/${runId}` : '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    workspace: env.GITHUB_WORKSPACE ?? '',
    pullRequest,
    push,
    mergeGroup,
    inputs,
    headSha: pullRequest?.headSha ?? mergeGroup?.headSha ?? sha,
  };
}
