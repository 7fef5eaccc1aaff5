import { plural } from '../../../shared/english.js';
import type { OutputValue } from '../../../shared/io.js';
import { Summary, escapeMarkdown, inlineCode } from '../../../shared/summary.js';
import type { AffectedProject, AffectedResult } from './affected.js';
import type { Workspace } from './model.js';

/** GitHub refuses a matrix with more jobs than this. */
export const MATRIX_LIMIT = 256;
/** How many `matrix-N` outputs action.yml declares (outputs cannot be declared dynamically). */
export const MATRIX_OUTPUTS = 8;
/** Most paths in the `changed-files` output; the summary says when it was cut. */
export const MAX_CHANGED_FILES_OUTPUT = 5000;
/** Most projects drawn in the Mermaid graph: a bigger picture is unreadable and slow to render. */
const MAX_GRAPH_NODES = 60;

type Entry = { project: string; path: string; reason: string };

export interface Outputs {
  values: Record<string, OutputValue>;
  warnings: string[];
}

/**
 * Project name -> value as a plain object that any name can key (`__proto__` too). Built without a
 * prototype, so V8 makes it a dictionary at once: Object.fromEntries spent 5 to 15 ms on 1,000 names,
 * adding each key as a new shape. Plain again at the end, so redaction and JSON treat it as a record.
 */
function byName<T>(
  projects: readonly AffectedProject[],
  value: (p: AffectedProject) => T,
): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const project of projects) record[project.name] = value(project);
  return Object.setPrototypeOf(record, Object.prototype) as Record<string, T>;
}

/** Every output of the action, matrices split at GitHub's 256-job limit. */
export function buildOutputs(result: AffectedResult): Outputs {
  const entries: Entry[] = result.projects.map((p) => ({ project: p.name, path: p.path, reason: p.reason }));
  const chunks: Entry[][] = [];
  for (let i = 0; i < entries.length; i += MATRIX_LIMIT) chunks.push(entries.slice(i, i + MATRIX_LIMIT));
  const warnings: string[] = [];
  if (entries.length > MATRIX_LIMIT)
    warnings.push(
      `${entries.length} projects are affected, more than the ${MATRIX_LIMIT} jobs GitHub allows in one matrix: use matrix-1 to matrix-${Math.min(chunks.length, MATRIX_OUTPUTS)} (matrix-count = ${chunks.length}).`,
    );
  if (chunks.length > MATRIX_OUTPUTS)
    warnings.push(
      `Only matrix-1 to matrix-${MATRIX_OUTPUTS} exist: the last ${entries.length - MATRIX_OUTPUTS * MATRIX_LIMIT} projects are in the projects and matrix outputs only.`,
    );
  const values: Outputs['values'] = {
    projects: result.projects.map((p) => p.name),
    matrix: { include: entries },
    count: entries.length,
    any: entries.length > 0,
    all: result.all,
    'changed-files': result.changedFiles.slice(0, MAX_CHANGED_FILES_OUTPUT),
    reasons: byName(result.projects, (p) => p.reason),
    'matrix-count': chunks.length,
  };
  if (result.changedFiles.length > MAX_CHANGED_FILES_OUTPUT)
    warnings.push(
      `${result.changedFiles.length} files changed; the changed-files output holds the first ${MAX_CHANGED_FILES_OUTPUT}.`,
    );
  for (let i = 0; i < MATRIX_OUTPUTS; i++) values[`matrix-${i + 1}`] = { include: chunks[i] ?? [] };
  return { values, warnings };
}

/** A Mermaid node id that no project name can break. */
const nodeId = (index: number) => `p${index}`;
const label = (text: string) => text.replace(/["<>`]/g, "'").slice(0, 80);

/** The links that made projects affected, changed projects highlighted; bounded in size. */
export function affectedGraph(projects: readonly AffectedProject[]): string | undefined {
  const edges = new Set<string>();
  const nodes = new Map<string, number>();
  const id = (name: string) => {
    if (!nodes.has(name)) nodes.set(name, nodes.size);
    return nodeId(nodes.get(name)!);
  };
  for (const project of projects) {
    if (nodes.size >= MAX_GRAPH_NODES) break;
    if (project.via !== undefined) edges.add(`${id(project.via)} --> ${id(project.name)}`);
  }
  if (!edges.size) return undefined;
  const changed = projects.filter((p) => p.via === undefined && nodes.has(p.name)).map((p) => id(p.name));
  const lines = [
    'graph LR',
    ...[...nodes].map(([name, i]) => `  ${nodeId(i)}["${label(name)}"]`),
    ...[...edges].map((e) => `  ${e}`),
  ];
  if (changed.length)
    lines.push('  classDef changed fill:#ffd8a8,stroke:#e8590c', `  class ${changed.join(',')} changed`);
  return lines.join('\n');
}

export interface SummaryContext {
  base: string;
  head: string;
  rule: string;
  workspace: Workspace;
  warnings: string[];
  lockfileNotes: string[];
}

const list = (summary: Summary, title: string, items: string[], max = 200) => {
  if (!items.length) return;
  summary.details(`${title} (${items.length})`, (body) => {
    body.list(items.slice(0, max).map((item) => inlineCode(item)));
    if (items.length > max) body.text(`… and ${items.length - max} more.`);
  });
};

/** The job summary: the decision first, then the table, then the evidence collapsed. */
export function buildSummary(result: AffectedResult, context: SummaryContext): Summary {
  const total = context.workspace.projects.length;
  const summary = new Summary().heading('Affected projects');
  const decision = result.all
    ? `**${total === 1 ? 'The project is' : `All ${total} projects are`} affected**: global file ${inlineCode(result.globalFiles[0]!)} changed.`
    : result.projects.length
      ? `**${result.projects.length} of ${plural(total, 'project')} affected** by ${plural(result.changedFiles.length, 'changed path')}.`
      : `**No project is affected** (${plural(total, 'project')}, ${plural(result.changedFiles.length, 'changed path')}).`;
  summary.text(decision);
  summary.text(
    `Compared ${inlineCode(context.base.slice(0, 12))}..${inlineCode(context.head.slice(0, 12))}: ${escapeMarkdown(context.rule)}.`,
  );
  for (const warning of context.warnings) summary.text(`> [!WARNING]\n> ${escapeMarkdown(warning)}`);
  if (result.projects.length) {
    const shown = result.projects.slice(0, 500);
    summary.table(
      ['Project', 'Path', 'Why'],
      shown.map((p) => [inlineCode(p.name), inlineCode(p.path), escapeMarkdown(p.reason)]),
    );
    if (result.projects.length > shown.length)
      summary.text(`… and ${result.projects.length - shown.length} more (see the projects output).`);
    const graph = affectedGraph(result.projects);
    if (graph) summary.details('How changes reached the dependents', (body) => body.mermaid(graph));
  }
  if (result.moved.length)
    summary.details(`Moved projects (${result.moved.length})`, (body) =>
      body.list(
        result.moved.map((m) => `${inlineCode(m.name)}: ${inlineCode(m.from)} → ${inlineCode(m.to)}`),
      ),
    );
  list(summary, 'Removed projects', result.removed);
  if (result.cycles.length)
    summary.details(`Dependency cycles (${result.cycles.length}), each built as one unit`, (body) =>
      body.list(result.cycles.map((cycle) => cycle.map(inlineCode).join(' ↔ '))),
    );
  if (context.lockfileNotes.length)
    summary.details('Lockfiles', (body) => body.list(context.lockfileNotes.map(escapeMarkdown)));
  list(summary, 'Changed files', result.changedFiles);
  list(
    summary,
    'Files ignored as non-inputs of their project',
    result.nonInputs.map(([file, project]) => `${file} (${project})`),
  );
  list(summary, 'Changed files no project owns (they affect no project)', result.unowned);
  list(summary, 'Files dropped by the ignore input', result.ignoredFiles);
  return summary;
}

/** The run's last log line: how many projects are affected, and which (or the global file that made it all). */
export function describeResult(result: AffectedResult, head: Workspace): string {
  return result.all
    ? `All ${result.projects.length} projects affected: global file ${result.globalFiles[0]} changed.`
    : `${result.projects.length} of ${head.projects.length} projects affected: ${result.projects.map((p) => p.name).join(', ') || 'none'}`;
}
