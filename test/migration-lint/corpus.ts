import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LintOptions, SourceFile } from '../../actions/migration-lint/src/lint.js';

export const corpusDir = join(import.meta.dirname, '..', 'fixtures', 'migrations');

/**
 * One corpus case: `-- expect: rule ...` (or `none`), optional `-- options: runner=x postgres-version=n`,
 * then files introduced by `-- @base <path>` (applied before the change) and `-- @change <path>`.
 */
export interface CorpusCase {
  name: string;
  expect: string[];
  options: LintOptions;
  base: SourceFile[];
  change: SourceFile[];
}

export function loadCorpus(dir = corpusDir): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => parseCase(name, readFileSync(join(dir, name), 'utf8')));
}

export function parseCase(name: string, text: string): CorpusCase {
  const expectLine = /^-- expect:(.*)$/m.exec(text);
  if (!expectLine) throw new Error(`${name}: no "-- expect:" line`);
  const expect = expectLine[1]!.trim() === 'none' ? [] : expectLine[1]!.trim().split(/[\s,]+/);
  const options: LintOptions = { postgresVersion: 15, runner: 'auto', scope: 'change' };
  for (const [, key, value] of (/^-- options:(.*)$/m.exec(text)?.[1] ?? '').matchAll(/(\S+)=(\S+)/g)) {
    if (key === 'runner') options.runner = value as LintOptions['runner'];
    if (key === 'postgres-version') options.postgresVersion = Number(value);
    if (key === 'scope') options.scope = value as LintOptions['scope'];
  }
  const base: SourceFile[] = [];
  const change: SourceFile[] = [];
  const parts = text.split(/^-- @(base|change) (\S+)\n/m);
  for (let i = 1; i + 2 < parts.length + 1; i += 3) {
    (parts[i] === 'base' ? base : change).push({ path: parts[i + 1]!, content: parts[i + 2] ?? '' });
  }
  if (!change.length) throw new Error(`${name}: no "-- @change <path>" section`);
  return { name, expect, options, base, change };
}
