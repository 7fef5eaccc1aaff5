import {
  ANNOTATED,
  DATADOG,
  FIELDS,
  OCI,
  OTEL,
  type Value,
  deployVariable,
  fieldValues,
  named,
} from './fields.js';
import { yamlParser } from '../../../shared/yaml.js';
import type { DeployRecord } from './record.js';

/**
 * Every sink's text from one record, each valid for its target. The record is trusted to be well
 * formed, but the sinks do not rely on it: any value is cleaned and encoded for its format, so a
 * hostile commit subject or input cannot break a label list, a YAML document or an env file.
 */

/** Longest value any sink writes; the JSON output carries the full record. */
export const MAX_VALUE = 1024;
const MAX_ANNOTATION = 4096;

/** Replaces lone surrogates (which no encoder accepts) and control characters, then bounds the length. */
export function cleanValue(text: string, max = MAX_VALUE): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const wellFormed = cut.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  return wellFormed.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, ' ');
}

/**
 * A Kubernetes label value: at most 63 characters from `[A-Za-z0-9._-]`, alphanumeric at both ends
 * (or empty). Other characters become `_` (`1.2.0+build` -> `1.2.0_build`, as Helm charts do).
 */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/** Nonempty pairs, in order. */
function pairs(entries: readonly (readonly [string, Value])[]): [string, string][] {
  return entries.flatMap(([k, v]) => (v === null || v === undefined || v === '' ? [] : [[k, String(v)]]));
}

/** OCI image annotations, `key=value` per line, as docker/build-push-action's `labels` takes them. */
export function ociLabels(record: DeployRecord): string {
  return pairs(named(record, OCI))
    .map(([k, v]) => `org.opencontainers.image.${k}=${cleanValue(v)}`)
    .join('\n');
}

function yamlMap(entries: [string, string][]): string {
  // Double-quoted values keep `1.10`, `true` and `null` strings; lineWidth 0 never folds a value.
  return yamlParser()
    .stringify(Object.fromEntries(entries), {
      defaultStringType: 'QUOTE_DOUBLE',
      defaultKeyType: 'PLAIN',
      lineWidth: 0,
    })
    .trimEnd();
}

/** Kubernetes recommended labels as YAML; every value obeys the label value rules. */
export function kubernetesLabels(record: DeployRecord, partOf: string): string {
  return yamlMap(
    pairs([
      ['app.kubernetes.io/name', labelValue(record.service)],
      ['app.kubernetes.io/instance', labelValue(`${record.service}-${record.environment}`)],
      ['app.kubernetes.io/version', labelValue(record.version)],
      ['app.kubernetes.io/part-of', labelValue(partOf)],
      ['app.kubernetes.io/managed-by', 'github-actions'],
    ]),
  );
}

/** Prefix of the annotation keys this action owns. */
export const ANNOTATION_PREFIX = 'deploy.trunk-actions.dev';

/** Kubernetes annotations as YAML: the deploy's facts, plus `kubernetes.io/change-cause` for rollout history. */
export function kubernetesAnnotations(record: DeployRecord): string {
  const cause = `${record.service} ${record.version} (${record.shortSha}) to ${record.environment} by ${record.owner.actor || record.owner.author}${record.runUrl ? ` in ${record.runUrl}` : ''}`;
  const facts = ANNOTATED.map((field) => [`${ANNOTATION_PREFIX}/${field}`, FIELDS[field](record)] as const);
  return yamlMap(
    pairs([['kubernetes.io/change-cause', cause], ...facts]).map(([k, v]) => [
      k,
      cleanValue(v, MAX_ANNOTATION),
    ]),
  );
}

/**
 * Percent-encodes a value for OTEL_RESOURCE_ATTRIBUTES (W3C baggage octets): `,` `=` `%` `;` space,
 * quotes, backslash and all non-ASCII are encoded as UTF-8 bytes; `:` and `/` stay readable.
 */
export function encodeAttribute(text: string): string {
  return encodeURIComponent(cleanValue(text)).replace(/%3A/g, ':').replace(/%2F/g, '/');
}

/** OpenTelemetry semantic-convention resource attributes of the deploy, in order. */
export function otelAttributes(record: DeployRecord): [string, string][] {
  return pairs(named(record, OTEL));
}

export function formatResourceAttributes(attributes: readonly [string, string][]): string {
  return attributes.map(([k, v]) => `${k}=${encodeAttribute(v)}`).join(',');
}

/**
 * Adds ours to an OTEL_RESOURCE_ATTRIBUTES value already in the environment: its other keys are
 * kept (still encoded as they were), ours replace theirs.
 */
export function mergeResourceAttributes(existing: string, ours: readonly [string, string][]): string {
  const mine = new Set(ours.map(([k]) => k));
  const kept = existing
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.includes('=') && !mine.has(item.slice(0, item.indexOf('=')).trim()));
  return [...kept, formatResourceAttributes(ours)].filter(Boolean).join(',');
}

/** The variables `export-env` and `env-file` write: DEPLOY_*, OpenTelemetry and Datadog. */
export function environmentVariables(record: DeployRecord, existingOtel = ''): [string, string][] {
  const deploy = fieldValues(record).flatMap(([field, value]) => {
    const name = deployVariable(field);
    return name ? [[name, value] as const] : [];
  });
  const vars = pairs([
    ...deploy,
    ['OTEL_SERVICE_NAME', record.service],
    ['OTEL_RESOURCE_ATTRIBUTES', mergeResourceAttributes(existingOtel, otelAttributes(record))],
    ...named(record, DATADOG),
  ]);
  return vars.map(([k, v]) => [k, cleanValue(v, k === 'OTEL_RESOURCE_ATTRIBUTES' ? Infinity : MAX_VALUE)]);
}

/**
 * One dotenv value that docker `--env-file`, Compose, python-dotenv and Node read the same way:
 * bare when it is plain, else single-quoted (literal, no `$` expansion), else double-quoted when that
 * is safe. A value holding a single quote and a character double quotes would change has its single
 * quotes replaced by ’ so it cannot end the quoting early.
 */
export function dotenvValue(text: string): string {
  const value = cleanValue(text, Infinity);
  if (/^[A-Za-z0-9._:/@+,=%-]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!/["\\$`]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, '\u2019')}'`;
}

export function dotenv(variables: readonly [string, string][]): string {
  return `${variables.map(([k, v]) => `${k}=${dotenvValue(v)}`).join('\n')}\n`;
}

export interface SinkTexts {
  labels: string;
  annotations: string;
  k8sLabels: string;
  otelResourceAttributes: string;
  variables: [string, string][];
  dotenv: string;
}

/** All text sinks at once, so they are computed (and can fail) before anything is written. */
export function renderSinks(
  record: DeployRecord,
  options: { partOf: string; existingOtel?: string },
): SinkTexts {
  const variables = environmentVariables(record, options.existingOtel);
  return {
    labels: ociLabels(record),
    annotations: kubernetesAnnotations(record),
    k8sLabels: kubernetesLabels(record, options.partOf),
    otelResourceAttributes: formatResourceAttributes(otelAttributes(record)),
    variables,
    dotenv: dotenv(variables),
  };
}
