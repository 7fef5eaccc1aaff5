import type { AffectedResult } from '../../actions/affected/src/affected.js';
import { lockfileVerdicts } from '../../actions/affected/src/lockfile-changes.js';
import type { Project, Workspace } from '../../actions/affected/src/model.js';
import { affectedGraph, buildOutputs, buildSummary } from '../../actions/affected/src/report.js';

const result = (names: string[]): AffectedResult => ({
  projects: names.map((name, i) => ({
    name,
    path: `p/${i}`,
    reason: i ? `depends on ${names[0]} (changed)` : 'changed x',
    via: i ? names[0] : undefined,
  })),
  all: false,
  globalFiles: [],
  changedFiles: ['x'],
  ignoredFiles: [],
  nonInputs: [],
  unowned: [],
  lockfiles: [],
  moved: [],
  removed: [],
  cycles: [],
  causes: new Map(),
});

describe('report', () => {
  test.each([
    [['a'], ['a'], ['x'], '**1 of 1 project affected** by 1 changed path.'],
    [['a', 'b'], ['a'], ['x', 'y'], '**1 of 2 projects affected** by 2 changed paths.'],
    [['a'], [], ['x'], '**No project is affected** (1 project, 1 changed path).'],
  ])('the decision line counts in English (%j of %j)', (all, hit, changed, line) => {
    const workspace = { projects: all.map((name) => ({ name })) } as unknown as Workspace;
    const summary = buildSummary(
      { ...result(hit), changedFiles: changed },
      { base: 'b'.repeat(40), head: 'h'.repeat(40), rule: 'r', workspace, warnings: [], lockfileNotes: [] },
    );
    expect(summary.toMarkdown()).toContain(line);
  });

  test('outputs: matrix chunks of 256, empty chunks still declared, count and flags', () => {
    const names = Array.from({ length: 600 }, (_, i) => `p${i}`);
    const { values, warnings } = buildOutputs(result(names));
    expect(values.count).toBe(600);
    expect(values['matrix-count']).toBe(3);
    expect((values['matrix-3'] as { include: unknown[] }).include).toHaveLength(88);
    expect((values['matrix-8'] as { include: unknown[] }).include).toEqual([]);
    expect(warnings[0]).toMatch(/more than the 256 jobs/);
    expect(buildOutputs(result([])).values).toMatchObject({
      any: false,
      count: 0,
      'matrix-count': 0,
      matrix: { include: [] },
    });
  });

  test('the Mermaid graph cannot be broken by a project name, and is bounded', () => {
    const graph = affectedGraph(result(['a"]; click a href "javascript:x"', '<b>', 'c`']).projects)!;
    expect(graph).toContain(`p0["a']; click a href 'javascript:x'"]`);
    const labels = graph.split('\n').filter((l) => /^\s+p\d+\[/.test(l));
    expect(labels).toHaveLength(3);
    for (const label of labels) expect(label).not.toMatch(/[<>`]/);
    const big = affectedGraph(result(Array.from({ length: 500 }, (_, i) => `n${i}`)).projects)!;
    expect(big.split('\n').filter((l) => /^\s+p\d+\[/.test(l)).length).toBeLessThanOrEqual(61);
  });
});

describe('lockfileVerdicts', () => {
  const project = (name: string, dir: string): Project => ({
    name,
    dir,
    ecosystem: 'js',
    manifest: `${dir}/package.json`,
    links: [],
    sharedEntries: [],
  });
  const ws: Workspace = {
    projects: [project('a', 'web/a'), project('b', 'api/b')],
    byName: new Map(),
    structureFiles: new Set(),
    sharedValues: new Map(),
    warnings: [],
  };
  ws.byName = new Map(ws.projects.map((p) => [p.name, p]));

  test('an unreadable lockfile warns naming it and marks the projects in its folder (documented fallback)', () => {
    const v = lockfileVerdicts(
      [{ path: 'web/package-lock.json', before: '{', after: '{ nope' }],
      ws,
      ws,
      () => undefined,
    );
    expect(v.warnings[0]).toMatch(/^Lockfile web\/package-lock\.json could not be diffed/);
    expect([...v.seeds.keys()]).toEqual(['a']);
    expect(v.seeds.get('a')![0]).toMatch(/could not be diffed/);
  });
});
