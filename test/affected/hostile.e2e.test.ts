import { type Files, affectedBy, pkg } from './run.js';

/** Names and patterns from a pull request are untrusted: they must not break outputs, logs or time. */
describe('affected: hostile input', () => {
  const initial: Files = {
    'package.json': pkg('root', { private: true, workspaces: ['packages/*'] }),
    'packages/a/package.json': pkg('__proto__'),
    'packages/b/package.json': pkg('constructor', { dependencies: { ['__proto__']: '*' } }),
    'packages/c/package.json': pkg('::add-mask::secret', { dependencies: { constructor: '*' } }),
  };

  test('project names like __proto__ and workflow-command text are plain data', async () => {
    const r = await affectedBy(initial, { 'packages/a/::error::x.js': 'x' });
    expect(r.exitCode).toBe(0);
    expect(r.projects).toEqual(['::add-mask::secret', '__proto__', 'constructor']);
    expect(r.reasons.constructor).toBe('depends on __proto__ (changed)');
    expect(r.stdout).not.toMatch(/^::add-mask::/m);
    expect(r.stdout).not.toMatch(/^::error::x/m);
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  test('a backtracking-prone pattern answers quickly; an overlong one is refused naming the input', async () => {
    const started = Date.now();
    const slow = await affectedBy(
      initial,
      { [`packages/a/${'a'.repeat(60)}.js`]: 'x' },
      { ignore: '*a*a*a*a*a*a*a*a*a*a*a*a*b' },
    );
    expect(slow.exitCode).toBe(0);
    expect(slow.projects).toContain('__proto__');
    expect(Date.now() - started).toBeLessThan(20_000);
    const long = await affectedBy(initial, { 'x.js': 'x' }, { 'global-files': `${'a'.repeat(600)}` });
    expect(long.exitCode).toBe(2);
    expect(long.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /input "global-files" is 600 characters long/,
    );
  });

  test('a working-directory outside the workspace is refused', async () => {
    const r = await affectedBy(initial, { 'x.js': 'x' }, { 'working-directory': '../..' });
    expect(r.exitCode).toBe(2);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /working-directory.*outside the workspace/,
    );
  });
});
