import * as z from '../../../shared/zod.js';
import { type EventContext, eventContext, readEventPayload } from '../../../shared/context.js';
import { parseDuration } from '../../../shared/duration.js';
import { InputError, StepFailed, UserError, describeError } from '../../../shared/errors.js';
import { readTextInside } from '../../../shared/files.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { truncate } from '../../../shared/neutralise.js';
import { Prometheus, parseHeaders } from '../../../shared/prometheus.js';
import { type Backend, fileBackend, prometheusBackend } from './backends.js';
import { type GateOutcome, type SloResult, decideGate, decideSlo, duration } from './decision.js';
import { parseExport } from './export-file.js';
import { assemble, planSlo, requestExpression, requestsFor } from './plan.js';
import type { BurnRule } from './policy.js';
import { type Audit, iso, renderSummary } from './report.js';
import { type Slo, inlineSlo, parseSloFile, parseWindowInput } from './slo.js';

const durationText = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    const seconds = parseDuration(text);
    if (seconds === undefined)
      ctx.issues.push({
        code: 'custom',
        message: `${JSON.stringify(text)} is not a duration such as 1h`,
        input: text,
      });
    return seconds ?? 0;
  }),
);

const burnRuleSchema = z.array(
  z.object({
    long: durationText,
    short: durationText,
    'burn-rate': z.number().check(z.positive()),
    severity: z._default(z.enum(['block', 'warn']), 'block'),
  }),
);

export const inputs = {
  slo: input.optional(),
  objective: input.number(0, 100),
  window: input.required(),
  'good-query': input.optional(),
  'bad-query': input.optional(),
  'total-query': input.optional(),
  at: input.optional(),
  'prometheus-url': input.optional(),
  'prometheus-token': input.optional(),
  'prometheus-headers': input.text(),
  'query-timeout': input.duration(),
  file: input.optional(),
  'min-budget-remaining': input.number(-1000, 1),
  'burn-rate-rules': input.yaml(
    z.nullable(burnRuleSchema),
    null,
    'a list of rules such as [{long: 1h, short: 5m, burn-rate: 14.4, severity: block}]',
  ),
  'min-coverage': input.number(0, 1),
  'on-inconclusive': input.oneOf(['block', 'pass']),
  'override-reason': input.optional(),
  'override-label': input.optional(),
  token: input.text(),
};
const SECRET = ['prometheus-token', 'prometheus-headers', 'token'] as const;
type Inputs = Awaited<ReturnType<typeof parseInputs<typeof inputs>>>;

/** RFC 3339 (`2026-11-01T00:00:00Z`) or Unix seconds, to whole Unix seconds. */
export function parseAt(text: string | undefined, now: number): number {
  if (!text) return Math.floor(now / 1000);
  if (/^\d{9,11}(\.\d+)?$/.test(text)) return Math.floor(Number(text));
  const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
  const ms = rfc3339.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) {
    throw new InputError(
      `Input "at" is ${JSON.stringify(text.slice(0, 60))}, which is not allowed: use RFC 3339 such as 2026-11-01T12:00:00Z or Unix seconds.`,
    );
  }
  return Math.floor(ms / 1000);
}

function loadSlos(values: Inputs, workspace: string): Slo[] {
  const window = parseWindowInput(values.window);
  if (!window) {
    throw new InputError(
      `Input "window" is ${JSON.stringify(values.window)}, which is not allowed: use a rolling duration such as 30d or 28d, or calendar-day, calendar-week, calendar-month, calendar-quarter or calendar-year.`,
    );
  }
  if (!values.slo) {
    return [
      inlineSlo({
        objectivePercent: values.objective,
        window,
        goodQuery: values['good-query'],
        badQuery: values['bad-query'],
        totalQuery: values['total-query'],
      }),
    ];
  }
  const text = readTextInside(workspace, values.slo, { input: 'slo', maxBytes: 4 * 1024 * 1024 });
  return parseSloFile(text, values.slo, window);
}

function makeBackend(values: Inputs, io: ActionIO, workspace: string): { backend: Backend; name: string } {
  const url = values['prometheus-url'];
  if (url && values.file) throw new UserError('Set only one of inputs "prometheus-url" and "file".');
  if (values.file) {
    const text = readTextInside(workspace, values.file, { input: 'file', maxBytes: 512 * 1024 * 1024 });
    try {
      return {
        backend: fileBackend(parseExport(text)),
        name: `the export ${values.file}`,
      };
    } catch (error) {
      throw new UserError(`The export ${values.file} cannot be read: ${describeError(error)}`);
    }
  }
  if (!url)
    throw new UserError(
      'No data source: set input "prometheus-url" (the Prometheus HTTP API) or "file" (an export).',
    );
  const client = new Prometheus({
    ...io.network?.prometheus,
    url,
    headers: parseHeaders(values['prometheus-headers'], values['prometheus-token']),
    timeoutMs: values['query-timeout'] * 1000,
    log: io.log,
  });
  return { backend: prometheusBackend(client), name: `Prometheus at ${client.address}` };
}

/** Why the gate is overridden: the input, or the configured label on the pull request. */
function overrideReason(values: Inputs, ctx: EventContext): string | undefined {
  if (values['override-reason']) return values['override-reason'];
  const label = values['override-label'];
  if (label && ctx.pullRequest?.labels.includes(label)) {
    return `label "${label}" on pull request #${ctx.pullRequest.number}`;
  }
  return undefined;
}

/** Records an override on the commit, once per run attempt (a re-run updates nothing twice). */
async function commentOnCommit(
  io: ActionIO,
  ctx: EventContext,
  token: string,
  body: string,
): Promise<string> {
  if (!token) return 'No token, so no commit comment was written.';
  if (!ctx.owner || !ctx.repo || !/^[0-9a-f]{40}$/.test(ctx.headSha)) return 'No commit to comment on.';
  const { connectGitHub, explainApiError, findOrCreate } = await import('../../../shared/github.js');
  const github = connectGitHub(io, token, 'recording the override');
  const marker = `<!-- trunk-actions error-budget-gate override ${ctx.runId}/${ctx.runAttempt} -->`;
  const target = { owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.headSha };
  try {
    const { value, created } = await findOrCreate({
      what: 'the override comment',
      find: async () => {
        const comments = await github.paginate(github.rest.repos.listCommentsForCommit, {
          ...target,
          per_page: 100,
        });
        return comments.find((c) => c.body?.includes(marker));
      },
      create: async () =>
        (await github.rest.repos.createCommitComment({ ...target, body: `${body}\n\n${marker}` })).data,
      isSame: () => true,
    });
    return `${created ? 'Recorded' : 'Already recorded'} as a [commit comment](${value.html_url ?? ''}).`;
  } catch (error) {
    const explained = explainApiError('Writing the override commit comment', error, 'contents: write');
    io.log.warning(explained.message);
    return `The commit comment could not be written: ${explained.message}`;
  }
}

function round(x: number | undefined, digits: number): number | null {
  return x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
}

const burnRates = (r: SloResult) =>
  Object.fromEntries([...r.burnRates].map(([w, v]) => [duration(w), round(v, 4)]));

function setOutputs(io: ActionIO, gate: GateOutcome, results: readonly SloResult[]): void {
  const d = gate.deciding;
  io.setOutput('decision', gate.decision);
  io.setOutput('budget-remaining', d.budgetRemaining === undefined ? '' : d.budgetRemaining.toFixed(4));
  io.setOutput('error-ratio', d.errorRatio === undefined ? '' : String(Number(d.errorRatio.toPrecision(6))));
  io.setOutput('burn-rates', burnRates(d));
  io.setOutput('reason', gate.reason);
  io.setOutput('reopens-at', d.decision === 'block' && d.reopensAt !== undefined ? iso(d.reopensAt) : '');
  io.setOutput(
    'slos',
    results.map((r) => ({
      name: r.slo.name,
      decision: r.decision,
      reason: r.reason,
      objective: r.slo.objective,
      windowStart: iso(r.span.start),
      bad: r.window?.bad ?? null,
      total: r.window?.total ?? null,
      errorRatio: r.errorRatio ?? null,
      budgetRemaining: r.budgetRemaining ?? null,
      burnRates: burnRates(r),
      coverage: r.coverage ?? null,
      reopensAt: r.decision === 'block' && r.reopensAt !== undefined ? iso(r.reopensAt) : null,
    })),
  );
}

export async function run(io: ActionIO): Promise<void> {
  // The URL is masked only for its credentials: the address itself helps read the log.
  const values = await parseInputs(inputs, io, { secret: SECRET, urlCredentials: ['prometheus-url'] });
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const workspace = ctx.workspace || process.cwd();
  const at = parseAt(values.at, Date.now());
  const slos = loadSlos(values, workspace);
  const rules: BurnRule[] | undefined = values['burn-rate-rules']?.map((r) => ({
    long: r.long,
    short: r.short,
    burnRate: r['burn-rate'],
    severity: r.severity,
  }));
  const plans = slos.map((slo) =>
    planSlo(slo, at, {
      rules,
      minBudgetRemaining: values['min-budget-remaining'],
      minCoverage: values['min-coverage'],
    }),
  );
  const { backend, name } = makeBackend(values, io, workspace);
  const requests = plans.flatMap(requestsFor);
  const answers = await io.log.group(
    `Evaluating ${slos.length} SLOs at ${iso(at)} against ${name}`,
    async () => {
      const started = Date.now();
      const read = await backend(requests, at);
      io.log.info(`${read.size} distinct queries answered in ${Date.now() - started} ms.`);
      return read;
    },
  );
  const results = plans.map((plan) =>
    decideSlo(plan.slo, plan.span, plan.step, assemble(plan, answers), plan.policy),
  );
  for (const r of results) io.log.info(`${r.slo.name}: ${r.decision}: ${r.reason}`);

  const reason = overrideReason(values, ctx);
  const gate = decideGate(results, {
    onInconclusive: values['on-inconclusive'] as 'block' | 'pass',
    overrideReason: reason,
  });
  let audit: Audit | undefined;
  if (gate.decision === 'override' && reason) {
    const who = ctx.actor || 'unknown';
    const message = `Error budget gate overridden by ${who} (${gate.overridden}: ${gate.deciding.reason}). Reason: ${reason}`;
    io.annotate({ level: 'notice', title: 'Error budget gate overridden', message });
    const body = `**Error budget gate overridden** by @${who} in [run ${ctx.runId}](${ctx.runUrl}).\n\n- Decision overridden: \`${gate.overridden}\`: ${gate.deciding.reason}\n- Reason: ${truncate(reason.replace(/\r?\n/g, ' '), 500)}`;
    audit = {
      actor: who,
      reason,
      commit: ctx.headSha,
      comment: await commentOnCommit(io, ctx, values.token, body),
    };
  } else if (reason) {
    io.log.info(`Override given (${reason}) but not needed: the gate decided ${gate.decision}.`);
  }
  if (gate.decision === 'warn') {
    io.annotate({ level: 'warning', title: 'Error budget burning', message: gate.reason });
  }
  if (gate.decision === 'inconclusive' && !gate.fails) {
    io.annotate({
      level: 'warning',
      title: 'Error budget gate inconclusive',
      message: `Passing because on-inconclusive is pass: ${gate.reason}`,
    });
  }

  setOutputs(io, gate, results);
  const queries = new Map(
    plans.map((p) => [p.slo.name, [...new Set(requestsFor(p).map(requestExpression))]]),
  );
  await io.writeSummary(renderSummary(gate, results, { at, backend: name, audit, queries }));
  if (gate.fails) throw new StepFailed(`Error budget gate: ${gate.decision}: ${gate.reason}`);
}
