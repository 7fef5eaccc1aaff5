import { rules } from './catalog.js';
import type { Finding } from './lint.js';

/**
 * A SARIF 2.1.0 log of the findings, for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Paths are relative to the repository root (`%SRCROOT%`); every rule is described once in the driver.
 */
export function toSarif(findings: readonly Finding[], version: string): Record<string, unknown> {
  const catalog = [...rules.values()];
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'trunk-actions migration-lint',
            informationUri: 'https://github.com/trunk-actions/trunk-actions/tree/main/actions/migration-lint',
            version,
            rules: catalog.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.why },
              fullDescription: { text: r.why },
              help: { text: r.fix, markdown: `**Safe recipe:** ${r.fix}` },
              defaultConfiguration: { level: r.severity },
              properties: { lock: r.lock, tags: ['postgresql', 'migration'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule),
          level: f.severity,
          message: { text: `${f.message} Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          partialFingerprints: { 'migrationLint/v1': `${f.file}:${f.rule}:${f.line}` },
        })),
      },
    ],
  };
}
