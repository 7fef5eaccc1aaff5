import { eventContext, readEventPayload } from '../../../shared/context.js';
import { plural } from '../../../shared/english.js';
import { StepFailed } from '../../../shared/errors.js';
import { readTextInside } from '../../../shared/files.js';
import { parseInputs } from '../../../shared/inputs.js';
import { loadYaml } from '../../../shared/yaml.js';
import type { ActionIO } from '../../../shared/io.js';
import { Prometheus, parseHeaders } from '../../../shared/prometheus.js';
import { type Backend, exportBackend, prometheusBackend } from './backends.js';
import { decideGate } from './decision.js';
import { evaluate } from './evaluate.js';
import { SECRET, type Inputs, burnRules, dataSource, inputs, parseAt, slosFromInputs } from './inputs.js';
import { gateOutputs, gateWarnings } from './outputs.js';
import { commentOnCommit, overrideReason, overrideRecord } from './override.js';
import { type Audit, iso, renderSummary } from './report.js';

/** The declared inputs, checked against action.yml by the metadata test. */
export { inputs };

/** The backend the inputs name, and how the summary names it. */
function openBackend(values: Inputs, io: ActionIO, workspace: string): { backend: Backend; name: string } {
  const source = dataSource(values);
  if (source.kind === 'file') {
    const text = readTextInside(workspace, source.path, { input: 'file', maxBytes: 512 * 1024 * 1024 });
    return { backend: exportBackend(text, source.path), name: `the export ${source.path}` };
  }
  const url = source.url;
  const client = new Prometheus({
    ...io.network?.prometheus,
    url,
    headers: parseHeaders(values['prometheus-headers'], values['prometheus-token']),
    timeoutMs: values['query-timeout'] * 1000,
    log: io.log,
  });
  return { backend: prometheusBackend(client), name: `Prometheus at ${client.address}` };
}

export async function run(io: ActionIO): Promise<void> {
  // The URL is masked only for its credentials: the address itself helps read the log.
  const values = await parseInputs(inputs, io, { secret: SECRET, urlCredentials: ['prometheus-url'] });
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const workspace = ctx.workspace || process.cwd();
  const at = parseAt(values.at, Date.now());
  if (values.slo) await loadYaml(); // the YAML parser loads only for an SLO file
  const slos = slosFromInputs(values, (path) =>
    readTextInside(workspace, path, { input: 'slo', maxBytes: 4 * 1024 * 1024 }),
  );
  const { backend, name } = openBackend(values, io, workspace);
  const { results, queries } = await io.log.group(
    `Evaluating ${plural(slos.length, 'SLO')} at ${iso(at)} against ${name}`,
    async () => {
      const started = Date.now();
      const evaluation = await evaluate(
        slos,
        at,
        {
          rules: burnRules(values),
          minBudgetRemaining: values['min-budget-remaining'],
          minCoverage: values['min-coverage'],
        },
        backend,
      );
      io.log.info(
        `${plural(evaluation.answered, 'distinct query', 'distinct queries')} answered in ${Date.now() - started} ms.`,
      );
      return evaluation;
    },
  );
  for (const r of results) io.log.info(`${r.slo.name}: ${r.decision}: ${r.reason}`);

  const reason = overrideReason(values, ctx);
  const gate = decideGate(results, {
    onInconclusive: values['on-inconclusive'] as 'block' | 'pass',
    overrideReason: reason,
  });
  let audit: Audit | undefined;
  if (gate.decision === 'override' && reason) {
    const record = overrideRecord(gate, reason, ctx);
    io.annotate({ level: 'notice', title: 'Error budget gate overridden', message: record.notice });
    const comment = await commentOnCommit(io, ctx, values.token, record.comment);
    audit = { actor: record.actor, reason, commit: ctx.headSha, comment };
  } else if (reason) {
    io.log.info(`Override given (${reason}) but not needed: the gate decided ${gate.decision}.`);
  }
  for (const warning of gateWarnings(gate)) io.annotate(warning);

  for (const [output, value] of Object.entries(gateOutputs(gate, results))) io.setOutput(output, value);
  await io.writeSummary(renderSummary(gate, results, { at, backend: name, audit, queries }));
  if (gate.fails) throw new StepFailed(`Error budget gate: ${gate.decision}: ${gate.reason}`);
}
