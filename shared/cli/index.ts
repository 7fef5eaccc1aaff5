import { Redactor } from '../redact.js';
import { type ActionIO, type Annotation, formatOutput } from '../io.js';
import { type ActionMeta, actionNames, loadActionMeta } from '../metadata.js';
import { neutralise } from '../neutralise.js';
import { assertDeclaredOutput, declaredInput, settle } from '../runner.js';
import type { Summary } from '../summary.js';
import { actionRuns } from './actions.js';

const USAGE =
  'Usage: trunk-actions <action> [--<input> <value> | --input <name>=<value> ...] [--json] [--debug] [--help]';

async function printHelp(): Promise<void> {
  const lines = [
    USAGE,
    '',
    'Runs a trunk-actions action locally, with the same code as on a runner.',
    '',
    'Actions:',
  ];
  for (const name of actionNames())
    lines.push(`  ${name.padEnd(20)} ${(await loadActionMeta(name)).description}`);
  lines.push('', 'trunk-actions <action> --help lists its inputs.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printActionHelp(meta: ActionMeta, action: string): void {
  const lines = [
    `Usage: trunk-actions ${action} [--<input> <value> ...] [--json]`,
    '',
    meta.description,
    '',
    'Inputs:',
  ];
  for (const [name, input] of Object.entries(meta.inputs)) {
    const extra = input.required
      ? ' (required)'
      : input.default
        ? ` (default: ${input.default.trim().replace(/\n/g, ', ')})`
        : '';
    lines.push(`  --${name}${extra}`, `      ${input.description}`);
  }
  lines.push('', 'Outputs:');
  for (const [name, output] of Object.entries(meta.outputs)) lines.push(`  ${name}: ${output.description}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

interface Parsed {
  values: Map<string, string>;
  json: boolean;
  debug: boolean;
  help: boolean;
}

function parseArgs(args: string[], meta: ActionMeta): Parsed | string {
  const parsed: Parsed = { values: new Map(), json: false, debug: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') parsed.json = true;
    else if (arg === '--debug') parsed.debug = true;
    else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--input') {
      // `--input name=value` spells any input, also those Node 20 would take as its own option
      // even after the script name (`--env-file`).
      const pair = args[++i] ?? '';
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (eq <= 0 || !meta.inputs[name])
        return `--input takes name=value with a known input name, not ${JSON.stringify(pair)}.`;
      parsed.values.set(name, pair.slice(eq + 1));
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!meta.inputs[name])
        return `Unknown input --${name}; \`trunk-actions ${meta.name.replace(/^.*: /, '')} --help\` lists the inputs.`;
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) return `Input --${name} needs a value.`;
      parsed.values.set(name, value);
    } else return `Unexpected argument ${JSON.stringify(arg)}. ${USAGE}`;
  }
  return parsed;
}

async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (!action || action === '--help' || action === '-h') {
    await printHelp();
    return action ? 0 : 2;
  }
  const loadRun = actionRuns[action];
  if (!loadRun) {
    process.stderr.write(
      `Unknown action ${JSON.stringify(action)}; known: ${Object.keys(actionRuns).join(', ')}.\n`,
    );
    return 2;
  }
  const meta = await loadActionMeta(action);
  const parsed = parseArgs(rest, meta);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  if (parsed.help) {
    printActionHelp(meta, action);
    return 0;
  }

  const env: Record<string, string | undefined> = { GITHUB_WORKSPACE: process.cwd(), ...process.env };
  const debug = parsed.debug || env.ACTIONS_STEP_DEBUG === 'true' || env.RUNNER_DEBUG === '1';
  const outputs: Record<string, string> = {};
  const exported: Record<string, string> = {};
  const annotations: Annotation[] = [];
  const summaries: Summary[] = [];
  const redactor = new Redactor();
  const mask = (text: string) => redactor.redact(text);
  const err = (text: string) => process.stderr.write(`${mask(neutralise(text))}\n`);

  const io: ActionIO = {
    action,
    input: (name) => {
      return declaredInput(meta, name, parsed.values.get(name), env);
    },
    setOutput: (name, value) => {
      assertDeclaredOutput(meta, name);
      outputs[name] = formatOutput(value);
    },
    exportVariable: (name, value) => {
      exported[name] = value;
    },
    setSecret: (value) => redactor.add(value),
    redact: mask,
    annotate: (a) => {
      annotations.push(a);
      const where = a.file ? `${a.file}${a.line ? `:${a.line}${a.column ? `:${a.column}` : ''}` : ''}: ` : '';
      if (!parsed.json) err(`${where}${a.level}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
    },
    writeSummary: async (summary) => {
      summaries.push(summary);
    },
    log: {
      debug: (message) => {
        if (debug) err(`[debug] ${message}`);
      },
      info: (message) => {
        if (!parsed.json) err(message);
      },
      warning: (message) => err(`warning: ${message}`),
      group: async (name, body) => {
        if (!parsed.json) err(`▸ ${name}`);
        return body();
      },
    },
    env,
  };

  const run = await loadRun();
  const outcome = await settle(() => run(io), io.log);
  const exitCode = outcome.inputError ? 2 : outcome.exitCode;
  if (parsed.json) {
    const result = { outputs, env: exported, annotations, failed: outcome.failed, message: outcome.message };
    process.stdout.write(`${mask(JSON.stringify(result, null, 2))}\n`);
    return exitCode;
  }
  for (const summary of summaries) process.stdout.write(`\n${mask(summary.toTerminal())}\n`);
  for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}=${mask(value)}\n`);
  if (outcome.failed) err(`error: ${outcome.message}`);
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
