import { readFileSync } from 'node:fs';
import { InputError, StepFailed, UserError } from '../../shared/errors.js';
import type { ActionMeta } from '../../shared/metadata.js';
import { assertDeclaredOutput, declaredInput, settle } from '../../shared/runner.js';

const meta: ActionMeta = {
  name: 'demo',
  description: 'd',
  inputs: {
    mode: { description: 'm', default: 'fast' },
    token: { description: 't', default: '${{ github.token }}' },
    note: { description: 'n' },
  },
  outputs: { verdict: { description: 'v' } },
  runs: { using: 'node24', main: 'x' },
};

describe('declaredInput', () => {
  it.each([
    ['mode', 'safe', {}, 'safe'],
    ['mode', '', {}, 'fast'],
    ['mode', '   ', {}, 'fast'],
    ['note', undefined, {}, ''],
    ['token', '', { GITHUB_TOKEN: 'from-env' }, 'from-env'],
    ['token', '', {}, ''], // on a runner an explicitly empty token stays empty, never the literal expression
  ])('%s=%j gives %j', (name, raw, env, expected) => {
    expect(declaredInput(meta, name, raw, env)).toBe(expected);
  });
  it('treats an undeclared input or output as a bug', () => {
    expect(() => declaredInput(meta, 'nope', 'x', {})).toThrow('bug: demo reads input "nope"');
    expect(() => assertDeclaredOutput(meta, 'nope')).toThrow('bug: demo sets output "nope"');
  });
});

describe('settle', () => {
  const debug: string[] = [];
  const log = { debug: (m: string) => debug.push(m) };
  it.each([
    [async () => {}, { failed: false, exitCode: 0 }],
    [async () => Promise.reject(new InputError('bad')), { failed: true, exitCode: 2, message: 'bad' }],
    [
      async () => Promise.reject(new StepFailed('3 errors')),
      { failed: true, exitCode: 1, message: '3 errors' },
    ],
    [
      async () => Promise.reject(new UserError('no such file')),
      { failed: true, exitCode: 2, message: 'no such file' },
    ],
  ])('turns an outcome into an exit code (%#)', async (run, expected) => {
    expect(await settle(run, log)).toMatchObject(expected);
  });
  it('takes a file the user named that does not exist for the user’s mistake, not a bug', async () => {
    const outcome = await settle(async () => {
      readFileSync('/nonexistent/slo.yaml');
    }, log);
    expect(outcome).toEqual({
      failed: true,
      exitCode: 2,
      message:
        '/nonexistent/slo.yaml does not exist; check the path (paths are relative to the repository root).',
    });
  });
  it('reports a bug as such, with the stack only in the debug log', async () => {
    const outcome = await settle(async () => {
      throw new TypeError('x is undefined');
    }, log);
    expect(outcome.exitCode).toBe(3);
    expect(outcome.message).toBe(
      'Unexpected error (a bug in trunk-actions, please report it with the debug log): x is undefined',
    );
    expect(debug.at(-1)).toMatch(/TypeError: x is undefined\n\s+at /);
  });
});
