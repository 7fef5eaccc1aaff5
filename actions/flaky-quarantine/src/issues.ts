import { type GitHub, explainApiError, findOrCreate } from '../../../shared/github.js';
import type { Logger } from '../../../shared/io.js';
import { truncate } from '../../../shared/neutralise.js';
import { redactSecrets } from '../../../shared/redact.js';
import { escapeMarkdown, inlineCode } from '../../../shared/summary.js';
import { plural } from '../../../shared/english.js';
import { flakinessScore } from './classify.js';
import type { History } from './history.js';
import { displayName, idHash, legacyIdOf, parseTestId } from './identity.js';
import type { FailureDetail } from './junit.js';
import { type Decisions, autoQuarantined } from './quarantine.js';

/**
 * One issue per quarantined test, found again by a hidden marker so re-runs update it instead of
 * opening another; reopened when the test is quarantined again, closed with a comment on release.
 * Issue text is public and unmasked: failure text is redacted and cut, and system-out never used.
 */

export const marker = (id: string) => `<!-- trunk-actions:flaky id=${idHash(id)} -->`;
const MARKER = /<!-- trunk-actions:flaky id=([0-9a-f]+) -->/;
const MAX_FAILURE = 2000;

function fenced(text: string): string {
  const longest = (text.match(/`+|~+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

export interface IssueFacts {
  id: string;
  file?: string;
  since?: { commit: string; branch: string };
  score?: { flakyCommits: number; commits: number };
  failure?: FailureDetail;
  runUrl?: string;
  releaseAfter: number;
  defaultBranch: string;
}

export function issueTitle(id: string): string {
  return `Flaky test: ${truncate(displayName(id).replace(/\s+/g, ' '), 180)}`;
}

export function issueBody(facts: IssueFacts): string {
  const rows: [string, string][] = [
    ['Test id', inlineCode(facts.id)],
    ['File', facts.file ? inlineCode(facts.file) : 'not given by the reporter'],
  ];
  // Quarantined for this project only: the same test on other projects still blocks.
  const project = parseTestId(facts.id)?.project;
  if (project) rows.push(['Project', `${inlineCode(project)} only`]);
  if (facts.since)
    rows.push([
      'Quarantined at',
      `${inlineCode(facts.since.commit.slice(0, 12))} on ${inlineCode(facts.since.branch)}`,
    ]);
  if (facts.score)
    rows.push(['Mixed results', `${facts.score.flakyCommits} of ${plural(facts.score.commits, 'commit')}`]);
  if (facts.runUrl) rows.push(['Last seen failing', facts.runUrl]);
  const lines = [
    marker(facts.id),
    `This test passed and failed on the same code, so **trunk-actions flaky-quarantine** quarantined it: its failures are still reported but no longer block the build.`,
    '',
    '| | |',
    '|---|---|',
    // Values are inline code (pipes escaped by inlineCode) or the action's own words.
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `It is released, and this issue closed, after ${plural(facts.releaseAfter, 'consecutive pass', 'consecutive passes')} on ${inlineCode(facts.defaultBranch)}.`,
  ];
  if (facts.failure) {
    // Redacted before the final cut, so a cut cannot leave half a secret no pattern finds any more.
    const failure = [facts.failure.message, facts.failure.text].filter(Boolean).join('\n\n');
    const text = truncate(redactSecrets(failure.slice(0, 4 * MAX_FAILURE)), MAX_FAILURE);
    lines.push(
      '',
      `Last failure (${escapeMarkdown(facts.failure.type)}, cut at ${MAX_FAILURE} characters, credentials redacted):`,
      '',
      fenced(text),
    );
  }
  return lines.join('\n');
}

export interface IssueRef {
  number: number;
  url: string;
  open: boolean;
}

export interface IssuePlanInput {
  history: History;
  decisions: Decisions;
  quarantinedFailures: string[];
  forcedIn: ReadonlyMap<string, unknown>;
  failureOf: (id: string) => { file?: string; failure?: FailureDetail } | undefined;
  runUrl?: string;
  releaseAfter: number;
  defaultBranch: string;
  /** This step's run key (`<run id>:<attempt>`). */
  runKey: string;
}

/** At most this many issues are refreshed per run (GitHub allows 80 content writes a minute). */
const MAX_REFRESHED = 20;

/**
 * What to do with issues after this run, or undefined when there is nothing to do. Only automatic
 * quarantine has issues: a test forced in by the manual file already names its owner.
 */
export function planIssues(input: IssuePlanInput): IssueWork | undefined {
  const factsOf = (id: string): IssueFacts => {
    const entry = input.history.quarantine.get(id);
    const test = input.failureOf(id);
    return {
      id,
      file: test?.file,
      since: entry ? { commit: entry.commit, branch: entry.branch } : undefined,
      score: flakinessScore(input.history, id),
      failure: test?.failure,
      runUrl: input.runUrl,
      releaseAfter: input.releaseAfter,
      defaultBranch: input.defaultBranch,
    };
  };
  const automatic = autoQuarantined(input.history);
  const fresh = new Set(input.decisions.quarantined);
  const work: IssueWork = {
    quarantined: input.decisions.quarantined.map(factsOf),
    released: input.decisions.released.map((id) => ({ id, passes: input.releaseAfter })),
    failedAgain: input.quarantinedFailures
      .filter((id) => automatic.has(id) && !fresh.has(id) && !input.forcedIn.has(id))
      .slice(0, MAX_REFRESHED)
      .map((id) => ({
        ...factsOf(id),
        // A parallel job of this same run quarantined it and opens its issue: opening one here
        // too would race it into a duplicate. A quarantine from an earlier run may heal a missing one.
        openIfMissing: !input.history.quarantine.get(id)?.by?.startsWith(`${input.runKey}/`),
      })),
    link: [...new Set([...input.quarantinedFailures, ...input.decisions.newlyFlaky])],
  };
  const any = work.quarantined.length + work.released.length + work.failedAgain.length + work.link.length;
  return any ? work : undefined;
}

export interface IssueWork {
  quarantined: IssueFacts[];
  released: { id: string; passes: number }[];
  /** Already quarantined tests that failed again: their issue body is refreshed. */
  failedAgain: (IssueFacts & { openIfMissing: boolean })[];
  /** Other tests whose issue the summary links to. */
  link: string[];
}

/**
 * Plans and applies the issue changes; returns each test's issue for the summary. An API failure is
 * a warning: the history is recorded and the verdict stands; the test's next failure retries it.
 */
export async function updateIssues(
  input: IssuePlanInput,
  connect: () => Promise<GitHub>,
  repo: { owner: string; repo: string; label: string },
  log: Pick<Logger, 'debug' | 'warning'>,
): Promise<Map<string, IssueRef>> {
  const work = planIssues(input);
  if (!work) return new Map();
  try {
    return await syncIssues(await connect(), repo, work, log);
  } catch (error) {
    log.warning(explainApiError('Updating the flaky-test issues', error, 'issues: write').message);
    return new Map();
  }
}

/** Applies the issue changes; returns each test's issue for the summary. */
export async function syncIssues(
  github: GitHub,
  repo: { owner: string; repo: string; label: string },
  work: IssueWork,
  log: Pick<Logger, 'debug' | 'warning'>,
): Promise<Map<string, IssueRef>> {
  const { owner, repo: name, label } = repo;
  const byHash = new Map<string, IssueRef>();
  const list = async () => {
    byHash.clear();
    const issues = await github.paginate(github.rest.issues.listForRepo, {
      owner,
      repo: name,
      labels: label,
      state: 'all',
      per_page: 100,
    });
    for (const issue of issues) {
      const hash = MARKER.exec(issue.body ?? '')?.[1];
      if (hash && !issue.pull_request && !byHash.has(hash))
        byHash.set(hash, { number: issue.number, url: issue.html_url, open: issue.state === 'open' });
    }
  };
  await list();
  const result = new Map<string, IssueRef>();
  /**
   * The test's issue by its marker, else the issue opened under its v1 id (a migrated history):
   * taken over once, so of a v1 test's Playwright projects one continues the issue.
   */
  const issueOf = (id: string): { issue?: IssueRef; legacyHash?: string } => {
    const issue = byHash.get(idHash(id));
    if (issue) return { issue };
    const legacy = legacyIdOf(id);
    const legacyHash = legacy === undefined ? undefined : idHash(legacy);
    return legacyHash && byHash.has(legacyHash) ? { issue: byHash.get(legacyHash), legacyHash } : {};
  };

  /** Opens the test's issue, or reopens and refreshes the one its marker finds. */
  const openIssue = async (facts: IssueFacts) => {
    const hash = idHash(facts.id);
    let looked = false;
    let legacyHash: string | undefined;
    const find = () => {
      const found = issueOf(facts.id);
      legacyHash = found.legacyHash;
      return found.issue;
    };
    const { value, created } = await findOrCreate<IssueRef>({
      what: `the issue for ${displayName(facts.id).slice(0, 100)}`,
      // After a failed create, list again: the issue may exist although the request failed.
      find: async () => (looked ? (await list(), find()) : ((looked = true), find())),
      create: async () => {
        const { data } = await github.rest.issues.create({
          owner,
          repo: name,
          title: issueTitle(facts.id),
          body: issueBody(facts),
          labels: [label],
        });
        return { number: data.number, url: data.html_url, open: true };
      },
      isSame: () => true,
    });
    if (!created)
      await github.rest.issues.update({
        owner,
        repo: name,
        issue_number: value.number,
        state: 'open',
        body: issueBody(facts),
        // An issue of a v1 id gets the current title (naming the project) with the current marker.
        ...(legacyHash ? { title: issueTitle(facts.id) } : {}),
      });
    if (legacyHash) byHash.delete(legacyHash);
    log.debug(`${created ? 'Opened' : 'Updated'} issue #${value.number} for a quarantined test.`);
    byHash.set(hash, { ...value, open: true });
    result.set(facts.id, { ...value, open: true });
  };

  for (const facts of work.quarantined) await openIssue(facts);
  // A quarantined test failing again refreshes its issue; one missing (an earlier run could not
  // create it) is opened now, so the issues heal, unless the quarantining job is still at it.
  for (const facts of work.failedAgain) {
    if (facts.openIfMissing || issueOf(facts.id).issue) await openIssue(facts);
  }
  for (const { id, passes } of work.released) {
    const { issue, legacyHash } = issueOf(id);
    if (!issue) continue;
    if (legacyHash) byHash.delete(legacyHash);
    if (issue.open) {
      await github.rest.issues.createComment({
        owner,
        repo: name,
        issue_number: issue.number,
        body: `Released from quarantine after ${plural(passes, 'consecutive pass', 'consecutive passes')} on the default branch: its failures block again.`,
      });
      await github.rest.issues.update({
        owner,
        repo: name,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      });
    }
    result.set(id, { ...issue, open: false });
  }
  for (const id of work.link) {
    const { issue } = issueOf(id);
    if (issue && !result.has(id)) result.set(id, issue);
  }
  return result;
}
