import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { TestRepo } from '../support/git-repo.js';
import { runBundle } from '../support/harness.js';
import { hostileWorkspace } from './workspace.js';

// Revisions are code to git: `--output=FILE` writes a file, refs may hold `;` and `$(...)`. Every
// action that takes a revision must refuse or resolve it as plain data, never run or write anything.

jest.setTimeout(60_000);
const pwned = join(tmpdir(), `trunk-pwned-${process.pid}`);
const HOSTILE: [string, string, RegExp][] = [
  ['an option', `--output=${pwned}`, /starts with "-"/],
  ['a short option', '-p', /starts with "-"/],
  ['a command separator', 'main;touch${IFS}' + pwned, /not in this clone|cannot hold/],
  ['a command substitution', `$(touch ${pwned})`, /not in this clone|cannot hold/],
  ['backticks', `\`touch ${pwned}\``, /not in this clone|cannot hold/],
  ['a newline', 'main\n::add-mask::x', /cannot hold/],
  ['10 KB', 'a'.repeat(10_240), /10240 characters long/],
];

let ws: { repo: TestRepo; base: string; head: string };
beforeAll(() => {
  ws = hostileWorkspace();
});
afterAll(() => ws.repo.cleanup());

describe.each([
  ['affected', 'base'],
  ['affected', 'head'],
  ['migration-lint', 'base'],
  ['migration-lint', 'head'],
])('%s input %s', (action, input) => {
  it.each(HOSTILE)('refuses %s with one clear error and runs nothing', async (_what, value, message) => {
    const result = await runBundle(action, { workspace: ws.repo.dir, inputs: { [input]: value } });
    expect(result.exitCode).toBe(2);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(errors.map((e) => e.message).join('\n')).toContain(`input ${input}`);
    expect(existsSync(pwned)).toBe(false);
    expect(result.stdout).not.toMatch(/^::add-mask::x/m);
    expect(result.stdout).not.toMatch(/^\s+at .*\.js:\d+/m); // a user error, not a crash
  });
});
