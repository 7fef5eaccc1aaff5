/**
 * Which version a deploy carries: the `version` input, else the semver tag on the commit, else a
 * `git describe`-style version from the last semver tag, else `0.0.0-<short sha>`. Every derived
 * version is valid semver, so `require-semver` only has to check what the user typed.
 */

/** Semantic Versioning 2.0.0, from semver.org, with an optional leading `v` as tags use it. */
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** What a version input may hold: it ends up in image tags, labels and file names. */
const VERSION_TEXT = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;

export type VersionSource = 'input' | 'tag' | 'describe' | 'fallback';

export interface Version {
  version: string;
  source: VersionSource;
  /** The git tag it came from (source `tag` or `describe`). */
  tag?: string;
}

export interface VersionFacts {
  /** The `version` input, trimmed; undefined when empty. */
  input?: string;
  requireSemver: boolean;
  /** Tags pointing at the deployed commit. */
  tagsOnCommit: readonly string[];
  /** `git describe --long` output for the deployed commit, when there is a tag behind it. */
  describe?: string;
  shortSha: string;
}

export function isSemver(text: string): boolean {
  return SEMVER.test(text);
}

/** Drops the `v` of a semver tag (`v1.2.3` -> `1.2.3`); other text is returned as it is. */
export function stripV(text: string): string {
  return text.startsWith('v') && isSemver(text) ? text.slice(1) : text;
}

function compareIdentifiers(a: string, b: string): number {
  const numeric = (s: string) => /^\d+$/.test(s);
  if (numeric(a) && numeric(b)) return Number(a) - Number(b);
  if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semver precedence (build metadata ignored); both arguments must be valid semver. */
export function compareSemver(a: string, b: string): number {
  const [, ...pa] = SEMVER.exec(a)!;
  const [, ...pb] = SEMVER.exec(b)!;
  for (let i = 0; i < 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  const [preA, preB] = [pa[3], pb[3]];
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  const [ia, ib] = [preA.split('.'), preB.split('.')];
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const d = compareIdentifiers(ia[i]!, ib[i]!);
    if (d !== 0) return d;
  }
  return ia.length - ib.length;
}

/**
 * Parses `git describe --long` output (`v1.2.0-5-gabc1234`) into `1.2.0-5-gabc1234`: the tag's
 * version with the distance and commit appended, which is still semver. A non-semver tag gives undefined.
 */
export function describeVersion(describe: string): { version: string; tag: string } | undefined {
  const m = /^(.+)-(\d+)-g([0-9a-f]{4,64})$/.exec(describe.trim());
  if (!m || !isSemver(m[1]!)) return undefined;
  return { version: `${stripV(m[1]!)}-${m[2]}-g${m[3]}`, tag: m[1]! };
}

/**
 * Picks the version. Throws a one-sentence message (for an InputError) when the input is not
 * allowed, naming what is.
 */
export function chooseVersion(facts: VersionFacts): Version {
  if (facts.input !== undefined) {
    if (!VERSION_TEXT.test(facts.input)) {
      throw new Error(
        `Input "version" is ${JSON.stringify(facts.input.slice(0, 200))}, which is not allowed: use 1 to 128 letters, digits, ".", "_", "+" or "-", starting with a letter or digit.`,
      );
    }
    if (facts.requireSemver && !isSemver(facts.input)) {
      throw new Error(
        `Input "version" is ${JSON.stringify(facts.input)}, which is not semantic versioning (such as 1.4.2 or 2.0.0-rc.1), and require-semver is true.`,
      );
    }
    return { version: stripV(facts.input), source: 'input' };
  }
  const semverTags = facts.tagsOnCommit.filter(isSemver).sort((a, b) => compareSemver(b, a));
  if (semverTags.length) return { version: stripV(semverTags[0]!), source: 'tag', tag: semverTags[0] };
  const described = facts.describe ? describeVersion(facts.describe) : undefined;
  if (described) return { ...described, source: 'describe' };
  // A pre-release identifier of digits only may not start with 0; a `g` (as git describe writes) keeps it valid.
  const id =
    /^\d+$/.test(facts.shortSha) && facts.shortSha.startsWith('0') ? `g${facts.shortSha}` : facts.shortSha;
  return { version: `0.0.0-${id}`, source: 'fallback' };
}
