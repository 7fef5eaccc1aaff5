import type { DeployRecord } from './record.js';

/**
 * The record's flat values, each read in one place and named as its action output (action.yml).
 * Every sink names the values it carries from this table, so a field is added or changed once.
 */
export const FIELDS = {
  service: (r) => r.service,
  environment: (r) => r.environment,
  sha: (r) => r.sha,
  'short-sha': (r) => r.shortSha,
  ref: (r) => r.ref,
  version: (r) => r.version,
  'version-source': (r) => r.versionSource,
  'build-id': (r) => r.buildId,
  'deploy-id': (r) => r.deployId,
  owner: (r) => r.owner.author,
  actor: (r) => r.owner.actor,
  pr: (r) => r.pr,
  created: (r) => r.created,
  'repository-url': (r) => r.repositoryUrl,
  'run-url': (r) => r.runUrl,
  'previous-sha': (r) => r.previous?.sha,
  'previous-version': (r) => r.previous?.version,
  'previous-tag': (r) => r.previous?.tag,
} satisfies Record<string, (record: DeployRecord) => string | number | null | undefined>;

export type Field = keyof typeof FIELDS;
export type Value = string | number | null | undefined;

/** Every field as `[output name, value]`, in table order. */
export function fieldValues(record: DeployRecord): [Field, Value][] {
  return (Object.keys(FIELDS) as Field[]).map((field) => [field, FIELDS[field](record)]);
}

/** The record in another vocabulary: `{ its key: our field }`, in its order. */
export function named(record: DeployRecord, vocabulary: Readonly<Record<string, Field>>): [string, Value][] {
  return Object.entries(vocabulary).map(([key, field]) => [key, FIELDS[field](record)]);
}

/** Fields that are not `DEPLOY_*` variables: the version source and the tag are for steps, not the deployed app. */
const NOT_EXPORTED: readonly Field[] = ['version-source', 'previous-tag'];

/** The `DEPLOY_*` variable of a field: its output name in upper snake case (`deploy-id` is `DEPLOY_ID`). */
export function deployVariable(field: Field): string | undefined {
  if (NOT_EXPORTED.includes(field)) return undefined;
  return `DEPLOY_${field
    .replace(/^deploy-/, '')
    .toUpperCase()
    .replace(/-/g, '_')}`;
}

/** OCI image annotation keys (`org.opencontainers.image.*`), in the order the labels list them. */
export const OCI = {
  title: 'service',
  version: 'version',
  revision: 'sha',
  created: 'created',
  source: 'repository-url',
  url: 'repository-url',
} as const satisfies Record<string, Field>;

/** OpenTelemetry semantic-convention resource attributes. */
export const OTEL = {
  'service.name': 'service',
  'service.version': 'version',
  'deployment.environment.name': 'environment',
  'vcs.ref.head.revision': 'sha',
  'vcs.repository.url.full': 'repository-url',
  'vcs.change.id': 'pr',
} as const satisfies Record<string, Field>;

/** Datadog unified service tagging and source code integration variables. */
export const DATADOG = {
  DD_ENV: 'environment',
  DD_SERVICE: 'service',
  DD_VERSION: 'version',
  DD_GIT_COMMIT_SHA: 'sha',
  DD_GIT_REPOSITORY_URL: 'repository-url',
} as const satisfies Record<string, Field>;

/** The fields the Kubernetes annotations carry, each under `<prefix>/<output name>`. */
export const ANNOTATED: readonly Field[] = [
  'sha',
  'version',
  'environment',
  'deploy-id',
  'build-id',
  'created',
  'pr',
  'repository-url',
  'run-url',
  'previous-sha',
];
