import { Summary, escapeMarkdown, inlineCode } from '../../../shared/summary.js';
import { plural } from '../../../shared/english.js';
import { type Value, fieldValues } from './fields.js';
import type { DeployRecord } from './record.js';
import type { SinkTexts } from './sinks.js';

/** Something the user should know: a warning when a part of the record is missing and why. */
export interface Note {
  level: 'warning' | 'info';
  text: string;
}

/** What the API and file sinks did, for the outputs and the summary. */
export interface Written {
  deploymentId?: number;
  deploymentCreated?: boolean;
  statusCreated?: boolean;
  tag?: string;
  tagCreated?: boolean;
  tagSkipped?: string;
  envFile?: string;
}

/** Changes shown in the summary; the output lists up to max-changes. */
const SHOWN = 100;

/** Every output of action.yml, as the runner stores them: strings, empty when unknown. */
export function outputValues(record: DeployRecord, sinks: SinkTexts, written: Written): [string, string][] {
  const outputs: [string, Value][] = [
    ['json', JSON.stringify(record)],
    ...fieldValues(record),
    ['labels', sinks.labels],
    ['annotations', sinks.annotations],
    ['k8s-labels', sinks.k8sLabels],
    ['otel-resource-attributes', sinks.otelResourceAttributes],
    ['changes', JSON.stringify(record.changes?.commits ?? [])],
    ['change-count', record.changes?.count],
    ['deployment-id', written.deploymentId],
    ['tag', written.tag],
    ['env-file', written.envFile],
  ];
  return outputs.map(([name, value]) => [name, value === null || value === undefined ? '' : String(value)]);
}

/** The job summary: the deploy in one line, the record as a table, then the changes and the JSON. */
export function summarize(record: DeployRecord, written: Written, notes: Note[], exported: boolean): Summary {
  const s = new Summary();
  const since = record.previous
    ? record.changes
      ? `${plural(record.changes.count, 'change')} since ${inlineCode(record.previous.tag ?? record.previous.sha.slice(0, 7))}${record.previous.version ? ` (${escapeMarkdown(record.previous.version)})` : ''}`
      : `changes since ${inlineCode(record.previous.sha.slice(0, 7))} unknown`
    : 'first deploy';
  s.heading(
    `Deploy: ${escapeMarkdown(record.service)} ${escapeMarkdown(record.version)} → ${escapeMarkdown(record.environment)} (${record.shortSha}), ${since}`,
  );
  const sinks = [
    'outputs',
    exported ? 'GITHUB_ENV' : '',
    written.envFile ? `env file ${inlineCode(written.envFile)}` : '',
    written.deploymentId !== undefined
      ? `deployment ${written.deploymentId} (${written.deploymentCreated ? 'created' : 'reused'}, status ${written.statusCreated ? 'added' : 'already set'})`
      : '',
    written.tag ? `tag ${inlineCode(written.tag)} (${written.tagCreated ? 'created' : 'reused'})` : '',
    written.tagSkipped ? `no tag: ${escapeMarkdown(written.tagSkipped)}` : '',
  ].filter(Boolean);
  s.table(
    ['Field', 'Value'],
    [
      ['commit', inlineCode(record.sha)],
      ['ref', inlineCode(record.ref)],
      ['version', `${inlineCode(record.version)} (${record.versionSource})`],
      [
        'owner',
        `${escapeMarkdown(record.owner.author)}${record.owner.actor ? ` (run by ${escapeMarkdown(record.owner.actor)})` : ''}`,
      ],
      ['pull request', record.pr ? `#${record.pr}` : '—'],
      ['created', record.created],
      ['build / deploy id', `${inlineCode(record.buildId)} / ${inlineCode(record.deployId)}`],
      [
        'previous',
        record.previous
          ? `${inlineCode(record.previous.sha.slice(0, 7))} via ${record.previous.source}`
          : '—',
      ],
      ['written to', sinks.join(', ')],
    ],
  );
  if (notes.length)
    s.list(notes.map((n) => `${n.level === 'warning' ? '⚠️ ' : ''}${escapeMarkdown(n.text)}`));
  const commits = record.changes?.commits ?? [];
  if (commits.length)
    s.details(
      `Changes (${record.changes!.count}${commits.length > SHOWN ? `, first ${SHOWN} shown` : ''})`,
      (d) =>
        d.table(
          ['Commit', 'PR', 'Author', 'Subject'],
          commits
            .slice(0, SHOWN)
            .map((c) => [
              inlineCode(c.sha.slice(0, 7)),
              c.pr ? `#${c.pr}` : '',
              escapeMarkdown(c.author),
              escapeMarkdown(c.subject),
            ]),
        ),
    );
  s.details('Record (JSON)', (d) =>
    d.code(
      JSON.stringify(
        {
          ...record,
          changes: record.changes
            ? { ...record.changes, commits: `${commits.length} listed in the changes output` }
            : null,
        },
        null,
        2,
      ),
      'json',
    ),
  );
  return s;
}

/** The log lines that say what is deployed and what came before it. */
export function deployLines(record: DeployRecord): string[] {
  const lines = [
    `Deploy record: ${record.service} ${record.version} (${record.shortSha}) to ${record.environment}, deploy id ${record.deployId}.`,
  ];
  const previous = record.previous;
  if (previous)
    lines.push(
      `Previous deploy: ${previous.tag ?? `deployment of ${previous.sha.slice(0, 7)}`}${record.changes ? `, ${plural(record.changes.count, 'change')} since` : ''}.`,
    );
  return lines;
}
