import { plural } from './english.js';
import { appendFileSync, writeSync } from 'node:fs';
import { EOL } from 'node:os';
import { LIMITS, boundOutput, cutText } from './limits.js';
import { neutralise, showText } from './neutralise.js';

/**
 * The one writer for everything a step prints and every file the runner reads back, speaking the
 * documented protocol @actions/core speaks. We speak it directly because @actions/core statically
 * loads its OIDC client and undici (about 1 MB), which doubled every action's start-up.
 *
 * - Lines of text go through `writeLine`, which neutralises them (no `::cmd::` at a line start, no
 *   `##[cmd]` anywhere, hidden characters shown), so text from outside is never obeyed.
 * - Commands escape their message and properties exactly as the runner unescapes them.
 * - Annotations keep to GitHub's 10 of each level a step; the rest go to the log and one line says so.
 * - Outputs and environment values are written as delimited blocks with a random delimiter checked
 *   against the value, cut to GitHub's sizes with a line in the log saying what was cut.
 */

type Properties = Record<string, string | number | undefined>;

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Writes lines to stdout or stderr, neutralised: the only way text reaches a log. */
export function writeLine(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
  standardStreams.write(stream, `${neutralise(text)}${EOL}`);
}

/**
 * Where a step's text goes. Written by file descriptor: Node's stream objects for stdout and stderr
 * cost 3 to 4 ms of CPU to create at their first write (they load net and stream), more than most of
 * a step's own work, and a write to a file, terminal or pipe is synchronous on Linux either way.
 * Windows keeps the streams (its console takes UTF-16), as does a descriptor the parent made
 * non-blocking (EAGAIN). Outside Linux a stream a library wrote to may be asynchronous: `drained`
 * waits for the streams there, and wherever they were used.
 */
export const standardStreams = {
  streamed: process.platform === 'win32',
  write(stream: 'stdout' | 'stderr', text: string): void {
    if (!this.streamed) {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(stream === 'stdout' ? 1 : 2, bytes, written);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        this.streamed = true;
        text = bytes.subarray(written).toString('utf8');
      }
    }
    process[stream].write(text);
  },
  /** Resolves once everything written has left this process (anything a library wrote too). */
  drained(): Promise<void> {
    if (!this.streamed && process.platform === 'linux') return Promise.resolve();
    return new Promise((resolve) =>
      process.stdout.write('', () => process.stderr.write('', () => resolve())),
    );
  },
};

/**
 * Prints a workflow command. Properties named in `raw` are identities (a file path) and keep their
 * text; the message and other properties are shown with hidden characters escaped.
 */
export function issueCommand(
  command: string,
  properties: Properties,
  message: string,
  raw: string[] = [],
): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(
      ([key, value]) =>
        `${key}=${escapeProperty(raw.includes(key) ? String(value) : showText(String(value)))}`,
    )
    .join(',');
  standardStreams.write(
    'stdout',
    `::${command}${props ? ` ${props}` : ''}::${escapeData(showText(message))}${EOL}`,
  );
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

const shown = new Map<AnnotationLevel, number>();
const dropped = new Map<AnnotationLevel, number>();

/**
 * An annotation, if this step still has room for one of its level: GitHub shows 10 of each a step.
 * One slot of each level is kept for the line saying how many were left out, and one error slot for
 * the step's failure (`final`). Annotations beyond go to the log as plain lines, nothing lost.
 */
export function annotate(
  level: AnnotationLevel,
  properties: Properties,
  message: string,
  final = false,
): void {
  const count = shown.get(level) ?? 0;
  const room = LIMITS.annotationsPerStep - 1 - (level === 'error' ? 1 : 0);
  if (!final && count >= room) {
    dropped.set(level, (dropped.get(level) ?? 0) + 1);
    const where = properties.file
      ? `${properties.file}${properties.line ? `:${properties.line}` : ''}: `
      : '';
    writeLine(`${level}: ${where}${properties.title ? `${properties.title}: ` : ''}${message}`);
    return;
  }
  shown.set(level, count + 1);
  issueCommand(level, properties, message, ['file']);
}

/** Says, once per level, how many annotations went to the log instead (call at the end of a step). */
export function reportDroppedAnnotations(): void {
  for (const [level, count] of dropped) {
    issueCommand(
      level,
      {},
      `${plural(count, `more ${level} annotation`)} ${count === 1 ? 'is' : 'are'} in the log, not on the files: GitHub shows ${LIMITS.annotationsPerStep} of each level a step.`,
    );
  }
  dropped.clear();
}

let outputBytes = 0;

/**
 * A UUID-shaped id from `Math.random`: the check against the value, not secrecy, keeps a delimiter
 * safe, and Web Crypto's first use (`crypto.randomUUID`) costs 5 to 9 ms of CPU in every step.
 */
function randomId(): string {
  let hex = '';
  while (hex.length < 32)
    hex += Math.floor(Math.random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Appends `name<<delimiter` / value / delimiter to an environment file (GITHUB_OUTPUT, GITHUB_ENV):
 * the delimiter is random and checked against the name and value, so no value can end the block early.
 */
function appendKeyValue(fileVariable: string, name: string, value: string): boolean {
  const file = process.env[fileVariable];
  if (!file) return false;
  let delimiter: string;
  do delimiter = `ghadelimiter_${randomId()}`;
  while (name.includes(delimiter) || value.includes(delimiter));
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

/**
 * Sets an output, within 1 MB a value and this step's share of the 50 MB a run may hold (`value`
 * is the unformatted value, so a JSON list can keep whole items). Returns the note when it was cut.
 */
export function setOutput(name: string, text: string, value: unknown = text): string | undefined {
  const max = Math.min(LIMITS.outputBytes, Math.max(0, LIMITS.allOutputsBytes - outputBytes));
  const bounded = boundOutput(name, value, text, max);
  outputBytes += Buffer.byteLength(bounded.text, 'utf8');
  if (!appendKeyValue('GITHUB_OUTPUT', name, bounded.text)) {
    standardStreams.write('stdout', EOL); // the deprecated ::set-output form is what old runners read
    issueCommand('set-output', { name }, bounded.text);
  }
  return bounded.note;
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  if (!appendKeyValue('GITHUB_ENV', name, value)) issueCommand('set-env', { name }, value);
}

let summaryBytes = 0;

/** Appends to the step summary, keeping all of this step's parts within GitHub's 1 MiB. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  // the last part that would not fit has been replaced by the line saying so
  if (!file || summaryBytes >= LIMITS.summaryBytes - 512) return;
  const text = cutText(
    markdown,
    LIMITS.summaryBytes - summaryBytes,
    'bytes',
    `GitHub keeps ${LIMITS.summaryBytes} bytes of a step summary`,
  );
  summaryBytes += Buffer.byteLength(text, 'utf8');
  appendFileSync(file, text, 'utf8');
}
