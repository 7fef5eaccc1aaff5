/** Commits between the previous deploy and this one, with the pull request each came from. */

export interface RawCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  subject: string;
}

export interface Change {
  sha: string;
  subject: string;
  author: string;
  /** The pull request number, from a merge (`Merge pull request #12 from ...`) or squash (`Title (#12)`) subject. */
  pr?: number;
}

export interface Changes {
  /** Commits between the two deploys (all of them, even past the bound). */
  count: number;
  /** The first `max-changes` commits, newest first. */
  commits: Change[];
  truncated: boolean;
}

/** Longest subject kept per change: a commit subject is untrusted and may be any length. */
export const MAX_SUBJECT = 300;

const MERGE_SUBJECT = /^Merge pull request #(\d{1,9}) from /;
const SQUASH_SUBJECT = /\(#(\d{1,9})\)\s*$/;

/** The pull request a subject names as a GitHub merge or squash commit does, or undefined. */
export function pullRequestOf(subject: string): number | undefined {
  const m = MERGE_SUBJECT.exec(subject) ?? SQUASH_SUBJECT.exec(subject);
  const n = m ? Number(m[1]) : NaN;
  return n > 0 ? n : undefined;
}

/**
 * The GitHub login in a noreply address (`123+octocat@users.noreply.github.com`, or the older
 * `octocat@users.noreply.github.com`; apps as `name[bot]`), else undefined.
 */
export function loginOf(email: string): string | undefined {
  const m = /^(?:\d+\+)?([A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(
    email,
  );
  return m?.[1];
}

/** Turns `git log` records into changes: PR numbers parsed, subjects bounded, at most `max` kept. */
export function toChanges(raw: readonly RawCommit[], count: number, max: number): Changes {
  const commits = raw.slice(0, max).map((c): Change => {
    const subject = c.subject.length > MAX_SUBJECT ? `${c.subject.slice(0, MAX_SUBJECT)}…` : c.subject;
    const pr = pullRequestOf(c.subject);
    return {
      sha: c.sha,
      subject,
      author: loginOf(c.authorEmail) ?? c.authorName,
      ...(pr ? { pr } : {}),
    };
  });
  return {
    count: Math.max(count, raw.length),
    commits,
    truncated: Math.max(count, raw.length) > commits.length,
  };
}
