import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's side of a step, as documented for workflow commands and environment files: the same
 * protocol @actions/core speaks. We speak it directly because @actions/core statically loads its
 * OIDC client and undici (about 1 MB), which doubled every action's start-up; start-up is most of the
 * time of a fast action. Escaping follows @actions/core exactly, so messages cannot break out.
 */

type Properties = Record<string, string | number | undefined>;

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function issueCommand(command: string, properties: Properties, message: string): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/**
 * Appends to an environment file (GITHUB_OUTPUT, GITHUB_ENV): a one-line value as a `name=value`
 * line, which the runner reads whole (it splits lines only at CR and LF); anything else as a
 * `name<<delimiter` block with a random delimiter. Most values are one line, and skipping the
 * delimiter keeps the crypto module (a few ms to load) out of most runs.
 */
function appendKeyValue(fileVariable: string, name: string, value: string): boolean {
  const file = process.env[fileVariable];
  if (!file) return false;
  if (!/[\r\n]/.test(value) && /^[\w.-]+$/.test(name)) {
    appendFileSync(file, `${name}=${value}${EOL}`, 'utf8');
    return true;
  }
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`bug: ${name} contains the delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function setOutput(name: string, value: string): void {
  if (!appendKeyValue('GITHUB_OUTPUT', name, value)) {
    process.stdout.write(EOL); // the deprecated ::set-output form is what old runners read
    issueCommand('set-output', { name }, value);
  }
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  if (!appendKeyValue('GITHUB_ENV', name, value)) issueCommand('set-env', { name }, value);
}

export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown, 'utf8');
}
