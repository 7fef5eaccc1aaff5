import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { TestRepo } from '../support/git-repo.js';
import { runBundle } from '../support/harness.js';
import { hostileWorkspace } from './workspace.js';

// Every path input must stay in the workspace: `..`, an absolute path elsewhere and a symlink that
// leads out are refused with the input named, and nothing is read or written outside.

jest.setTimeout(60_000);
const outside = mkdtempSync(join(tmpdir(), 'trunk-outside-'));
const ESCAPES: [string, string][] = [
  ['a .. escape', `../${outside.split('/').pop()}/x`],
  ['an absolute path elsewhere', join(outside, 'x')],
  ['a symlink out of the workspace', 'escape/trunk-x'],
];

type Case = [action: string, input: string, extra: Record<string, string>];
const CASES: Case[] = [
  ['affected', 'working-directory', {}],
  ['migration-lint', 'sarif-file', { all: 'true' }],
  ['deploy-metadata', 'env-file', { environment: 'production' }],
  [
    'flaky-quarantine',
    'quarantine-file',
    { reports: 'reports/*.xml', state: 'file:state.json', 'create-issues': 'false' },
  ],
  ['error-budget-gate', 'slo', { file: 'slo/sli.om' }],
  ['error-budget-gate', 'file', { slo: 'slo/slos.yaml' }],
];

let ws: { repo: TestRepo };
beforeAll(() => {
  ws = hostileWorkspace();
});
afterAll(() => ws.repo.cleanup());

describe.each(CASES)('%s input %s', (action, input, extra) => {
  it.each(ESCAPES)('refuses %s', async (_what, value) => {
    const result = await runBundle(action, { workspace: ws.repo.dir, inputs: { ...extra, [input]: value } });
    expect(result.exitCode).toBe(2);
    const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toMatch(new RegExp(`"${input}".*(outside the workspace|symbolic link)`));
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('flaky-quarantine state file', () => {
  it.each(ESCAPES)('refuses %s', async (_what, value) => {
    const result = await runBundle('flaky-quarantine', {
      workspace: ws.repo.dir,
      inputs: { reports: 'reports/*.xml', state: `file:${value}`, 'create-issues': 'false' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.annotations.map((a) => a.message).join('\n')).toMatch(
      /"state".*(outside the workspace|symbolic link)/,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(outside, 'x'))).toBe(false);
  });
});
