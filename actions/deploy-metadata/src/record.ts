import type { EventContext } from '../../../shared/context.js';
import { type Changes, loginOf, pullRequestOf } from './changes.js';
import type { Version } from './version.js';

/** Bumped when a field changes meaning or goes away; new fields keep the version. */
export const SCHEMA = 'trunk-actions/deploy-record/v1';

export interface Previous {
  sha: string;
  version?: string;
  /** The deploy tag it was found by, or undefined when found by a GitHub Deployment. */
  tag?: string;
  source: 'tag' | 'deployment';
}

/** One deploy, as every sink reports it. */
export interface DeployRecord {
  schema: typeof SCHEMA;
  service: string;
  environment: string;
  sha: string;
  shortSha: string;
  ref: string;
  version: string;
  versionSource: Version['source'];
  /** `<run id>-<attempt>`. */
  buildId: string;
  /** `<environment>-<run id>-<attempt>`: the same for every call in one run attempt. */
  deployId: string;
  owner: { author: string; actor: string };
  pr: number | null;
  /** RFC 3339, UTC, whole seconds. */
  created: string;
  repositoryUrl: string;
  runUrl: string;
  previous: Previous | null;
  /** Null when there is no previous deploy or its commit is not in the clone. */
  changes: Changes | null;
}

export interface CommitFacts {
  sha: string;
  /** Committer date, ISO 8601 as git prints it. */
  committedAt: string;
  authorName: string;
  authorEmail: string;
  subject: string;
}

export interface RecordFacts {
  ctx: Pick<
    EventContext,
    'repo' | 'ref' | 'actor' | 'runId' | 'runAttempt' | 'runUrl' | 'repositoryUrl' | 'pullRequest'
  >;
  environment: string;
  service: string;
  commit: CommitFacts;
  /** The commit author's login when the event names it (push: `head_commit.author.username`). */
  authorLogin?: string;
  version: Version;
  created: 'commit' | 'now';
  now: Date;
  previous?: Previous;
  changes?: Changes;
}

/** Label values in Kubernetes: at most 63 characters, alphanumeric at both ends, `-_.` inside. */
export const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)$/;

/**
 * Why a name cannot be an environment or service (it goes into a tag name, a label value and an
 * env file), or undefined when it can.
 */
export function nameProblem(name: string): string | undefined {
  if (!LABEL_VALUE.test(name))
    return 'use 1 to 63 letters, digits, ".", "_" or "-", starting and ending with a letter or digit (it goes into a git tag and a Kubernetes label)';
  if (name.includes('..') || name.endsWith('.lock'))
    return 'a git tag name cannot hold ".." or end in ".lock"';
  return undefined;
}

/** Why a tag prefix cannot go before `<environment>/<n>` in a tag name, or undefined. */
export function tagPrefixProblem(prefix: string): string | undefined {
  if (prefix.length > 100) return 'use at most 100 characters';
  if (!/^[A-Za-z0-9._/-]*$/.test(prefix)) return 'use letters, digits, ".", "_", "-" and "/" only';
  const parts = prefix.split('/');
  if (
    parts.slice(0, -1).some((p) => p === '' || p.startsWith('.') || p.endsWith('.lock')) ||
    prefix.includes('..')
  )
    return 'each path part must be non-empty, not start with "." and not end in ".lock"; ".." is not allowed';
  if (/^[-.]/.test(prefix)) return 'start with a letter or digit';
  return undefined;
}

export function deployTagName(prefix: string, environment: string, n: number): string {
  return `${prefix}${environment}/${n}`;
}

/** The deploy number in `<prefix><environment>/<n>`, or undefined for any other tag. */
export function deployNumber(tag: string, prefix: string, environment: string): number | undefined {
  const head = `${prefix}${environment}/`;
  if (!tag.startsWith(head)) return undefined;
  const n = tag.slice(head.length);
  return /^[1-9]\d{0,8}$/.test(n) ? Number(n) : undefined;
}

export interface TagRef {
  name: string;
  /** The commit the tag points at (after peeling an annotated tag), when known. */
  commit?: string;
  /** The object the ref points at: a tag object for annotated tags. */
  object: string;
}

/** What a tag ref leads to: its commit and, for an annotated tag, its message. */
export interface TagObject {
  commit: string;
  message?: string;
}

/** Deploy tags of one environment, newest (highest number) first. */
export function deployTags<T extends TagRef>(
  tags: readonly T[],
  prefix: string,
  environment: string,
): (T & { n: number })[] {
  return tags
    .flatMap((t) => {
      const n = deployNumber(t.name, prefix, environment);
      return n === undefined ? [] : [{ ...t, n }];
    })
    .sort((a, b) => b.n - a.n);
}

/** The run part of a build id (`1234-2` -> `1234`); local runs have none. */
function runOf(buildId: unknown): string | undefined {
  return typeof buildId === 'string' && /^\d+-\d+$/.test(buildId) ? buildId.replace(/-\d+$/, '') : undefined;
}

/** True when a stored record (a deployment payload, a tag message) came from this run, any attempt. */
export function isSameRun(stored: unknown, record: Pick<DeployRecord, 'buildId' | 'environment'>): boolean {
  const s = stored as Partial<DeployRecord> | undefined;
  const ours = runOf(record.buildId);
  return !!ours && s?.environment === record.environment && runOf(s?.buildId) === ours;
}

/** What goes into a deployment payload and a tag message: the record without the commit list. */
export function storedRecord(record: DeployRecord): Omit<DeployRecord, 'changes'> & {
  changes: { count: number } | null;
} {
  return { ...record, changes: record.changes ? { count: record.changes.count } : null };
}

/** The annotated tag's message: one line for people, then the record as JSON for tools. */
export function tagMessage(record: DeployRecord): string {
  return `deploy ${record.service} ${record.version} to ${record.environment}\n\n${JSON.stringify(storedRecord(record), null, 2)}\n`;
}

/** The record inside a deploy tag message, or undefined when the message holds none. */
export function recordInMessage(message: string): Partial<DeployRecord> | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const value = JSON.parse(message.slice(start, message.lastIndexOf('}') + 1)) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Partial<DeployRecord>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 3339 in UTC with whole seconds, the form OCI `created` and most tools expect. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The login a push event gives for the author of the pushed head commit, when it is `sha`. */
export function pushAuthorLogin(payload: Record<string, unknown>, sha: string): string | undefined {
  const head = payload.head_commit as { id?: unknown; author?: { username?: unknown } } | null | undefined;
  const login = head?.id === sha ? head.author?.username : undefined;
  return typeof login === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/.test(login)
    ? login
    : undefined;
}

/** `<run id>-<attempt>`, the same for every step of one run attempt; `local` outside a runner. */
export function buildIdOf(ctx: Pick<EventContext, 'runId' | 'runAttempt'>): string {
  return ctx.runId ? `${ctx.runId}-${ctx.runAttempt}` : 'local';
}

/** Builds the record from the event and git facts. Pure: the clock comes in as `now`. */
export function buildRecord(facts: RecordFacts): DeployRecord {
  const { ctx, commit } = facts;
  const pr = ctx.pullRequest;
  const buildId = buildIdOf(ctx);
  const committed = new Date(commit.committedAt);
  if (Number.isNaN(committed.getTime()))
    throw new Error(`bug: commit time ${commit.committedAt} is not a date`);
  return {
    schema: SCHEMA,
    service: facts.service,
    environment: facts.environment,
    sha: commit.sha,
    shortSha: commit.sha.slice(0, 7),
    // A pull request build deploys the head branch, not the refs/pull/N/merge ref.
    ref: pr?.headRef ? `refs/heads/${pr.headRef}` : ctx.ref,
    version: facts.version.version,
    versionSource: facts.version.source,
    buildId,
    deployId: `${facts.environment}-${buildId}`,
    owner: {
      author: facts.authorLogin ?? loginOf(commit.authorEmail) ?? (pr?.author || commit.authorName),
      actor: ctx.actor,
    },
    pr: pr?.number ?? pullRequestOf(commit.subject) ?? null,
    created: rfc3339(facts.created === 'now' ? facts.now : committed),
    repositoryUrl: ctx.repositoryUrl,
    runUrl: ctx.runUrl,
    previous: facts.previous ?? null,
    changes: facts.changes ?? null,
  };
}

/** The newest deploy tag not made by this run, with its commit and the version its message records. */
export async function previousFromTags(
  tags: readonly (TagRef & { n: number })[],
  load: (tag: TagRef) => Promise<TagObject>,
  record: Pick<DeployRecord, 'buildId' | 'environment'>,
): Promise<Previous | undefined> {
  for (const tag of tags.slice(0, 5)) {
    const { commit, message } = await load(tag);
    const stored = message ? recordInMessage(message) : undefined;
    if (isSameRun(stored, record)) continue;
    const version = typeof stored?.version === 'string' ? stored.version : undefined;
    return { sha: commit, tag: tag.name, source: 'tag', ...(version ? { version } : {}) };
  }
  return undefined;
}
