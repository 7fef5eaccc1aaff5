import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { inputs } from '../../actions/deploy-metadata/src/main.js';
import type { DeployRecord } from '../../actions/deploy-metadata/src/record.js';
import { deployLines, outputValues, summarize } from '../../actions/deploy-metadata/src/report.js';
import { renderSinks } from '../../actions/deploy-metadata/src/sinks.js';
import { repoRoot } from '../support/harness.js';
import { loadYaml } from '../../shared/yaml.js';

// The YAML parser loads on first need (shared/yaml.ts); rendering the labels needs it.
beforeAll(() => loadYaml());

const meta = parseYaml(readFileSync(join(repoRoot, 'actions/deploy-metadata/action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
};

const sha = 'c'.repeat(40);
const record: DeployRecord = {
  schema: 'trunk-actions/deploy-record/v1',
  service: 'shop',
  environment: 'production',
  sha,
  shortSha: 'ccccccc',
  ref: 'refs/heads/main',
  version: '1.2.0',
  versionSource: 'tag',
  buildId: '1000-1',
  deployId: 'production-1000-1',
  owner: { author: 'ada', actor: 'octocat' },
  pr: null,
  created: '2023-11-14T22:13:20Z',
  repositoryUrl: 'https://github.com/acme/shop',
  runUrl: 'https://github.com/acme/shop/actions/runs/1000',
  previous: null,
  changes: null,
};

describe('action.yml', () => {
  test('declares exactly the inputs main.ts parses, each described, kebab-case', () => {
    expect(Object.keys(meta.inputs).sort()).toEqual(Object.keys(inputs).sort());
    for (const [name, input] of Object.entries(meta.inputs)) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(input.description.length).toBeGreaterThan(10);
      if (!input.required)
        expect(input.default === undefined || typeof input.default === 'string').toBe(true);
    }
  });

  test('declares exactly the outputs the action sets, each described', () => {
    const names = outputValues(record, renderSinks(record, { partOf: 'shop' }), {}).map(([n]) => n);
    expect(names.sort()).toEqual(Object.keys(meta.outputs).sort());
    for (const output of Object.values(meta.outputs)) expect(output.description.length).toBeGreaterThan(5);
  });
});

describe('summary', () => {
  test('first deploy: the decision in the heading, what was written in the table', () => {
    const md = summarize(
      record,
      { deploymentId: 5, deploymentCreated: true, statusCreated: true },
      [],
      false,
    ).toMarkdown();
    expect(md.split('\n')[0]).toBe('## Deploy: shop 1.2.0 → production (ccccccc), first deploy');
    expect(md).toContain('deployment 5 (created, status added)');
    expect(md).not.toContain('Changes (');
  });

  test('changes: count and previous in the heading, at most 100 rows, subjects escaped, warnings marked', () => {
    const commits = Array.from({ length: 150 }, (_, i) => ({
      sha,
      subject: `<b>change</b> ${i}`,
      author: 'ada',
      pr: i + 1,
    }));
    const md = summarize(
      {
        ...record,
        previous: { sha: 'b'.repeat(40), version: '1.1.0', tag: 'deploy/production/3', source: 'tag' },
        changes: { count: 400, truncated: true, commits },
      },
      { tag: 'deploy/production/4', tagCreated: false },
      [{ level: 'warning', text: 'shallow clone' }],
      true,
    ).toMarkdown();
    expect(md.split('\n')[0]).toBe(
      '## Deploy: shop 1.2.0 → production (ccccccc), 400 changes since `deploy/production/3` (1.1.0)',
    );
    expect(md).toContain('Changes (400, first 100 shown)');
    expect(md.match(/^\| `ccccccc` \|/gm)).toHaveLength(100);
    expect(md).not.toMatch(/(?<!\\)<b>/);
    expect(md).toContain('- ⚠️ shallow clone');
    expect(md).toContain('tag `deploy/production/4` (reused)');
    expect(md).toContain('| written to | outputs, GITHUB_ENV, tag');
  });
});

describe('counts in English', () => {
  const previous = { sha: 'b'.repeat(40), tag: 'deploy/production/3', source: 'tag' } as const;
  const changed = (count: number): DeployRecord => ({
    ...record,
    previous,
    changes: { count, truncated: false, commits: [] },
  });

  test.each([
    [1, '1 change since'],
    [2, '2 changes since'],
    [0, '0 changes since'],
  ])('%i: "%s" in the log and the summary heading', (count, words) => {
    expect(deployLines(changed(count))).toEqual([
      'Deploy record: shop 1.2.0 (ccccccc) to production, deploy id production-1000-1.',
      `Previous deploy: deploy/production/3, ${words}.`,
    ]);
    expect(summarize(changed(count), {}, [], false).toMarkdown().split('\n')[0]).toContain(
      `, ${words} \`deploy/production/3\``,
    );
  });

  test('first deploy: one line, no previous', () => {
    expect(deployLines(record)).toHaveLength(1);
  });
});
