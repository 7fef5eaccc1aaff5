import {
  DATADOG,
  FIELDS,
  OCI,
  OTEL,
  deployVariable,
  fieldValues,
  named,
} from '../../actions/deploy-metadata/src/fields.js';
import type { DeployRecord } from '../../actions/deploy-metadata/src/record.js';

const record: DeployRecord = {
  schema: 'trunk-actions/deploy-record/v1',
  service: 'shop',
  environment: 'production',
  sha: 'c'.repeat(40),
  shortSha: 'ccccccc',
  ref: 'refs/heads/main',
  version: '1.2.0',
  versionSource: 'tag',
  buildId: '1000-1',
  deployId: 'production-1000-1',
  owner: { author: 'ada', actor: 'octocat' },
  pr: 42,
  created: '2023-11-14T22:13:20Z',
  repositoryUrl: 'https://github.com/acme/shop',
  runUrl: 'https://github.com/acme/shop/actions/runs/1000',
  previous: { sha: 'b'.repeat(40), version: '1.1.0', tag: 'deploy/production/3', source: 'tag' },
  changes: null,
};

test.each([
  ['service', 'DEPLOY_SERVICE'],
  ['short-sha', 'DEPLOY_SHORT_SHA'],
  ['build-id', 'DEPLOY_BUILD_ID'],
  ['deploy-id', 'DEPLOY_ID'],
  ['repository-url', 'DEPLOY_REPOSITORY_URL'],
  ['previous-version', 'DEPLOY_PREVIOUS_VERSION'],
  ['version-source', undefined],
  ['previous-tag', undefined],
] as const)('field %s is exported as %s', (field, variable) => {
  expect(deployVariable(field)).toBe(variable);
});

test('every field reads its own value from the record', () => {
  expect(Object.fromEntries(fieldValues(record))).toEqual({
    service: 'shop',
    environment: 'production',
    sha: record.sha,
    'short-sha': 'ccccccc',
    ref: 'refs/heads/main',
    version: '1.2.0',
    'version-source': 'tag',
    'build-id': '1000-1',
    'deploy-id': 'production-1000-1',
    owner: 'ada',
    actor: 'octocat',
    pr: 42,
    created: '2023-11-14T22:13:20Z',
    'repository-url': 'https://github.com/acme/shop',
    'run-url': record.runUrl,
    'previous-sha': 'b'.repeat(40),
    'previous-version': '1.1.0',
    'previous-tag': 'deploy/production/3',
  });
  expect(fieldValues({ ...record, previous: null }).filter(([f]) => f.startsWith('previous-'))).toEqual([
    ['previous-sha', undefined],
    ['previous-version', undefined],
    ['previous-tag', undefined],
  ]);
});

test.each([
  ['OCI', OCI, ['title', 'shop'], 6],
  ['OpenTelemetry', OTEL, ['vcs.change.id', 42], 6],
  ['Datadog', DATADOG, ['DD_GIT_COMMIT_SHA', 'c'.repeat(40)], 5],
] as const)('%s vocabulary names record fields in its own order', (_name, vocabulary, pair, size) => {
  const values = named(record, vocabulary);
  expect(values).toHaveLength(size);
  expect(values).toContainEqual(pair);
  expect(values.map(([key]) => key)).toEqual(Object.keys(vocabulary));
  for (const field of Object.values(vocabulary)) expect(Object.keys(FIELDS)).toContain(field);
});
