#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Git } from '../shared/git.js';
import { type ActionIO, type Annotation, formatOutput } from '../shared/io.js';
import { type ActionMeta, actionNames, loadActionMeta, repositoryRoot } from '../shared/metadata.js';
import { Redactor } from '../shared/redact.js';
import { EXIT_CODES, assertDeclaredOutput, declaredInput, settle } from '../shared/runner.js';
import type { Summary } from '../shared/summary.js';
import { writeLine } from '../shared/workflow-commands.js';
import { loadAction } from './actions.js';
import { terminalAdvice } from './advice.js';
import { flagOf, parseArgs } from './args.js';
import {
  type Checkout,
  findCheckout,
  localDefaults,
  localEnvironment,
  needs,
  revisionInputs,
} from './local.js';
import { plural } from '../shared/english.js';
import { outputLines } from './text.js';

const USAGE =
  'Usage: trunk-actions <action> [--<input> <value> ...] [--summary-file PATH] [--json] [--debug]';

const exitTable = () => [
  'Exit codes (the same for the actions on a runner):',
  ...EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`),
];

async function printHelp(): Promise<void> {
  const lines = [
    USAGE,
    '       trunk-actions --version',
    '',
    'Runs a trunk-actions action on the repository you are in, with the same code as on a runner.',
    '',
    'Actions:',
  ];
  for (const name of actionNames())
    lines.push(`  ${name.padEnd(20)} ${(await loadActionMeta(name)).description}`);
  lines.push(
    '',
    'Options for every action:',
    '  --summary-file PATH  write the job summary, exactly the Markdown GitHub shows',
    '  --json               print outputs, annotations and the outcome as JSON',
    '  --debug              show what ACTIONS_STEP_DEBUG shows on a runner',
    '',
    ...exitTable(),
    '',
    'trunk-actions <action> --help lists its inputs.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printActionHelp(meta: ActionMeta, action: string): void {
  const lines = [
    `Usage: trunk-actions ${action} [--<input> <value> ...]`,
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
    lines.push(`  --${flagOf(name)}${extra}`, `      ${input.description}`);
  }
  lines.push('', 'Outputs:');
  for (const [name, output] of Object.entries(meta.outputs)) lines.push(`  ${name}: ${output.description}`);
  lines.push('', ...exitTable());
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The version in package.json, beside dist/ in a package and above the sources in a clone. */
function version(): string {
  return (JSON.parse(readFileSync(join(repositoryRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Colour only on a terminal, and not when NO_COLOR is set (https://no-color.org). */
const colour = (stream: NodeJS.WriteStream) =>
  !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

/** The warning a terminal run gives when work not yet committed is outside what the action compares. */
function uncommittedNote(action: string, checkout: Checkout | undefined, all: boolean): string | undefined {
  const what = needs[action]?.uncommitted;
  if (!what || !checkout?.uncommitted.length || all) return;
  const shown = checkout.uncommitted.slice(0, 3).join(', ');
  const more = checkout.uncommitted.length > 3 ? ` and ${checkout.uncommitted.length - 3} more` : '';
  const count = checkout.uncommitted.length;
  return `${plural(count, 'file')} not committed yet (${shown}${more}) ${count === 1 ? 'is' : 'are'} ${what}`;
}

async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === '--version' || action === '-V') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!action || action === '--help' || action === '-h') {
    await printHelp();
    return action ? 0 : 2;
  }
  const actions = actionNames();
  if (!actions.includes(action)) {
    writeLine(`Unknown action ${JSON.stringify(action)}; the actions are ${actions.join(', ')}.`, 'stderr');
    return 2;
  }
  const meta = await loadActionMeta(action);
  const parsed = parseArgs(rest, meta, action);
  if (typeof parsed === 'string') {
    writeLine(parsed, 'stderr');
    return 2;
  }
  if (parsed.help) {
    printActionHelp(meta, action);
    return 0;
  }

  const cwd = process.cwd();
  const onRunner = process.env.GITHUB_ACTIONS === 'true';
  const checkout = await findCheckout(cwd, needs[action]);
  const env: Record<string, string | undefined> = { ...localEnvironment(checkout, cwd), ...process.env };
  const defaults = onRunner ? {} : localDefaults(action, checkout);

  const debug = parsed.debug || env.ACTIONS_STEP_DEBUG === 'true' || env.RUNNER_DEBUG === '1';
  // Progress belongs on a terminal; a CI log or a pipe keeps warnings and errors only.
  const progress = !!process.stderr.isTTY || debug;
  const outputs: Record<string, string> = {};
  const exported: Record<string, string> = {};
  const annotations: Annotation[] = [];
  const summaries: Summary[] = [];
  const redactor = new Redactor();
  const mask = (text: string) => redactor.redact(text);
  const err = (text: string) => writeLine(mask(text), 'stderr');
  const inputNames = Object.keys(meta.inputs);
  const advise = (text: string) => (onRunner ? text : terminalAdvice(text, inputNames));

  const io: ActionIO = {
    action,
    input: (name) => declaredInput(meta, name, parsed.values.get(name) ?? defaults[name], env),
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
      if (!parsed.json) err(`${where}${a.level}: ${a.title ? `${a.title}: ` : ''}${advise(a.message)}`);
    },
    writeSummary: async (summary) => {
      summaries.push(summary);
    },
    log: {
      debug: (message) => {
        if (debug) err(`[debug] ${message}`);
      },
      info: (message) => {
        if (progress && !parsed.json) err(message);
      },
      warning: (message) => err(`warning: ${advise(message)}`),
      group: async (name, body) => {
        if (progress && !parsed.json) err(`▸ ${name}`);
        return body();
      },
    },
    env,
  };

  const note = onRunner ? undefined : uncommittedNote(action, checkout, parsed.values.get('all') === 'true');
  if (note) io.log.warning(note);
  const bundle = await loadAction(action);
  const resolved = await settle(async () => {
    for (const name of revisionInputs[action] ?? []) {
      const given = parsed.values.get(name);
      if (given && checkout)
        parsed.values.set(name, await new Git(checkout.top).resolve(`input "${name}"`, given));
    }
  }, io.log);
  const outcome = resolved.failed ? resolved : await bundle.runWith(io);
  const message = advise(outcome.message);
  const markdown = summaries.map((summary) => summary.toMarkdown()).join('\n');
  if (parsed.summaryFile) {
    const file = resolve(cwd, parsed.summaryFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, mask(markdown));
  }
  if (parsed.json) {
    const result = { outputs, env: exported, annotations, failed: outcome.failed, message };
    // `##[` can only sit inside a JSON string: `\u0023` is the same text and not a command
    process.stdout.write(`${mask(JSON.stringify(result, null, 2)).replace(/#(?=#\[)/g, '\\u0023')}\n`);
    return outcome.exitCode;
  }
  if (markdown) {
    const { renderMarkdown } = await import('./render.js');
    const text = await renderMarkdown(markdown, {
      // A terminal's width; a pipe or a file keeps whole lines unless COLUMNS asks otherwise.
      width: (process.stdout.isTTY && process.stdout.columns) || Number(env.COLUMNS) || Infinity,
      color: colour(process.stdout),
      summaryFile: parsed.summaryFile,
    });
    writeLine(`\n${mask(text)}`);
  }
  for (const line of outputLines(outputs)) writeLine(mask(line));
  if (outcome.failed) err(`error: ${message}`);
  return outcome.exitCode;
}

process.exitCode = await main(process.argv.slice(2));
