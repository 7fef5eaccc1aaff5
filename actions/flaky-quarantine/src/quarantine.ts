import { parseYaml } from '../../../shared/yaml.js';
import { zod } from '../../../shared/zod.js';
import { consecutivePasses, evidenceOn, failureStreak, isBroken, isFlaky, runsOfCommit } from './classify.js';
import { FAIL, type History, type HistoryLimits, type RunInfo, addRun, adoptLegacy } from './history.js';
import { fromLegacyId, historyKey } from './identity.js';

/**
 * Who is quarantined: automatic entries in the history (a flaky test, until released) plus the
 * manual file, which forces a test in or out and names an owner and a reason.
 */

export interface ManualEntry {
  owner: string;
  reason: string;
}

export interface ManualQuarantine {
  forceIn: Map<string, ManualEntry>;
  forceOut: Map<string, ManualEntry>;
}

/** The manual file's schema, built on first use with zod loaded (`readManual` loads it). */
function manualSchema() {
  const z = zod();
  const entry = z.object({
    id: z.string().check(z.minLength(1)),
    owner: z.string().check(z.minLength(1, 'owner is required')),
    reason: z.string().check(z.minLength(1, 'reason is required')),
  });
  return z.strictObject({
    quarantine: z._default(z.array(entry), []),
    'never-quarantine': z._default(z.array(entry), []),
  });
}

export function emptyManual(): ManualQuarantine {
  return { forceIn: new Map(), forceOut: new Map() };
}

/**
 * Parses the manual file:
 * ```yaml
 * quarantine:          # forced in: failures never block, never released automatically
 *   - id: 'v2:src/cart.test.ts|Cart|adds items'
 *     owner: '@shop-team'
 *     reason: 'Depends on the sandbox payment API, see #123'
 * never-quarantine:    # forced out: failures always block
 *   - id: 'v2:|com.acme.PaymentTest|refunds'
 *     owner: '@payments'
 *     reason: 'Must never be waved through'
 * ```
 * A v1 id (written before the current recipe) is read as its v2 spelling without a project.
 * Throws an Error whose message says which entry is wrong. Needs `loadYaml()` and `loadZod()` first.
 */
export function parseManualFile(text: string): ManualQuarantine {
  const raw: unknown = parseYaml(text) ?? {};
  const result = manualSchema().safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const manual = emptyManual();
  const current = (id: string) => fromLegacyId(id) ?? id;
  for (const e of result.data.quarantine)
    manual.forceIn.set(current(e.id), { owner: e.owner, reason: e.reason });
  for (const e of result.data['never-quarantine']) {
    if (manual.forceIn.has(current(e.id)))
      throw new Error(`${e.id} is both in quarantine and never-quarantine`);
    manual.forceOut.set(current(e.id), { owner: e.owner, reason: e.reason });
  }
  return manual;
}

/** Automatic quarantine entries that are in force (not released since). */
export function autoQuarantined(history: History): Set<string> {
  const ids = new Set<string>();
  for (const [id, e] of history.quarantine) if (!e.releasedAt || e.releasedAt < e.since) ids.add(id);
  return ids;
}

/** Tests whose failures do not block: automatic and forced in, minus forced out. */
export function effectiveQuarantine(history: History, manual: ManualQuarantine): Set<string> {
  const ids = autoQuarantined(history);
  for (const id of manual.forceIn.keys()) ids.add(id);
  for (const id of manual.forceOut.keys()) ids.delete(id);
  return ids;
}

/** A quarantined test failing this many runs in a row on a branch (no pass) is treated as broken. */
export const BROKEN_STREAK = 5;

export interface DecideContext {
  commit: string;
  branch: string;
  defaultBranch: string;
  releaseAfter: number;
  autoQuarantine: boolean;
  now: string;
  /** This step, unique (`<run key>/<nonce>`): recorded with each quarantine and release it makes. */
  writer: string;
}

export interface Decisions {
  /** Flaky on this commit and not quarantined before this decision. */
  newlyFlaky: string[];
  /** Newly put in automatic quarantine (a subset of newlyFlaky). */
  quarantined: string[];
  /** Released from automatic quarantine after enough passes on the default branch. */
  released: string[];
  /** Failed on every attempt (two or more) of this commit, or quarantined and failed BROKEN_STREAK runs in a row. */
  broken: string[];
}

/**
 * Decides what changes, from a history that already holds this run. Only the tests of this run can
 * become flaky or broken here (their evidence is on this commit); every automatic entry is checked
 * for release. Pure: the same history gives the same decisions, so a retried write recomputes them.
 */
export function decide(
  history: History,
  runTests: Iterable<{ id: string; key: string; failures: number }>,
  manual: ManualQuarantine,
  ctx: DecideContext,
  /** This step's run, when it was new to its branch: its cells are the tests' own results. */
  freshRun?: { branch: string; key: string },
): Decisions {
  const refs = runsOfCommit(history, ctx.commit);
  // The commit's only run is this step's new one, so a test's evidence is its own result: one that
  // did not fail is neither flaky nor broken, and its history need not be read.
  const onlyFreshRun =
    freshRun !== undefined &&
    refs.length === 1 &&
    refs[0]!.branch === history.branches.get(freshRun.branch) &&
    refs[0]!.branch.runs[refs[0]!.index]!.key === freshRun.key;
  const active = effectiveQuarantine(history, manual);
  // Keys of the active tests: a run's 330,000 ids are never hashed, only their ready keys looked up.
  const activeKeys = new Set([...active].map(historyKey));
  const decisions: Decisions = { newlyFlaky: [], quarantined: [], released: [], broken: [] };
  const branch = history.branches.get(ctx.branch);
  for (const { id, key, failures } of runTests) {
    const quarantined = activeKeys.has(key) && active.has(id);
    if (onlyFreshRun && !failures && !quarantined) continue;
    const evidence = evidenceOn(refs, key);
    // Without a failure on this commit a test is neither flaky nor broken (most tests stop here).
    if (!(evidence.bits & FAIL) && !quarantined) continue;
    const keepsFailing = quarantined && failureStreak(branch, key) >= BROKEN_STREAK;
    if (isBroken(evidence) || keepsFailing) decisions.broken.push(id);
    else if (isFlaky(evidence) && !quarantined) {
      decisions.newlyFlaky.push(id);
      // Not active yet flaky: either new, or forced out by the manual file (then it stays out).
      if (ctx.autoQuarantine && !manual.forceOut.has(id)) decisions.quarantined.push(id);
    }
  }
  for (const id of autoQuarantined(history)) {
    const since = history.quarantine.get(id)!.since;
    if (consecutivePasses(history, ctx.defaultBranch, id, since) >= ctx.releaseAfter)
      decisions.released.push(id);
  }
  return decisions;
}

/** The history with the decisions recorded as quarantine events. */
export function applyDecisions(history: History, decisions: Decisions, ctx: DecideContext): History {
  if (!decisions.quarantined.length && !decisions.released.length) return history;
  const quarantine = new Map(history.quarantine);
  for (const id of decisions.quarantined)
    quarantine.set(id, { since: ctx.now, commit: ctx.commit, branch: ctx.branch, by: ctx.writer });
  for (const id of decisions.released)
    quarantine.set(id, { ...quarantine.get(id)!, releasedAt: ctx.now, releasedBy: ctx.writer });
  return { ...history, quarantine };
}

/**
 * One step of the state machine: carry a migrated history over to this run's tests (`before`: the
 * history the verdict reads), add this run's results (none for an infrastructure failure), decide,
 * and record the decisions. Every optimistic-concurrency attempt re-applies it to the document it read.
 */
export function recordRun(
  current: History,
  run: { branch: string; info: RunInfo } | undefined,
  /** This run's results by history key. */
  tests: ReadonlyMap<string, { id: string; key: string; passes: number; failures: number }>,
  manual: ManualQuarantine,
  ctx: DecideContext,
  limits: HistoryLimits,
): { before: History; history: History; decisions: Decisions } {
  const before = adoptLegacy(current, tests.values());
  const merged = run ? addRun(before, run.branch, run.info, tests, limits) : before;
  const fresh = run && !before.branches.get(run.branch)?.runs.some((r) => r.key === run.info.key);
  const decisions = decide(
    merged,
    tests.values(),
    manual,
    ctx,
    fresh ? { branch: run.branch, key: run.info.key } : undefined,
  );
  return { before, history: applyDecisions(merged, decisions, ctx), decisions };
}

/**
 * The transitions this step's write carried, read from the history as written. When a write landed
 * but its answer was lost (a 502), the retry finds its own transitions already there and decides
 * nothing new; they are still this step's to act on (open or close the issues).
 */
export function ownTransitions(history: History, decisions: Decisions, writer: string): Decisions {
  const quarantined = new Set(decisions.quarantined);
  const released = new Set(decisions.released);
  for (const [id, e] of history.quarantine) {
    if (e.by === writer && !e.releasedAt) quarantined.add(id);
    if (e.releasedBy === writer) released.add(id);
  }
  return {
    ...decisions,
    newlyFlaky: [...new Set([...decisions.newlyFlaky, ...quarantined])],
    quarantined: [...quarantined],
    released: [...released],
  };
}
