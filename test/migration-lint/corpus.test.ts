import { loadParser } from '../../actions/migration-lint/src/parser.js';
import { lintMigrations } from '../../actions/migration-lint/src/lint.js';
import { loadCorpus } from './corpus.js';

const cases = loadCorpus();

describe('migration corpus', () => {
  test('has at least 60 cases, dangerous and safe', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(15);
  });

  test('recall and precision are both at least 0.95', async () => {
    const parser = await loadParser();
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const found = new Set(lintMigrations(parser, c.base, c.change, c.options).findings.map((f) => f.rule));
      const expected = new Set(c.expect);
      for (const id of found)
        expected.has(id) ? truePositives++ : (falsePositives++, misses.push(`${c.name}: unexpected ${id}`));
      for (const id of expected)
        if (!found.has(id)) (falseNegatives++, misses.push(`${c.name}: missed ${id}`));
    }
    const recall = truePositives / (truePositives + falseNegatives);
    const precision = truePositives / (truePositives + falsePositives);
    console.log(
      `corpus: ${cases.length} cases, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}\n${misses.join('\n')}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  test('replaying only the base files that can matter finds what a full replay finds', async () => {
    const parser = await loadParser();
    for (const c of cases) {
      // the dynamic check's collection replays every base statement
      const lint = (collect: boolean) =>
        lintMigrations(parser, c.base, c.change, { ...c.options, collect }).findings;
      expect({ name: c.name, findings: lint(false) }).toEqual({ name: c.name, findings: lint(true) });
    }
  });
});
