import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../actions/migration-lint/src/catalog.js';

const readme = readFileSync(
  join(import.meta.dirname, '..', '..', 'actions', 'migration-lint', 'README.md'),
  'utf8',
);

describe('rule catalog', () => {
  test('has every rule id the issue names', () => {
    const required =
      `drop-column rename-column rename-table drop-table add-not-null-column-no-default volatile-default
      add-stored-generated-column change-column-type set-not-null add-fk-validating add-check-validating
      validate-in-same-transaction add-unique-constraint-validating add-primary-key-validating add-exclusion-constraint
      create-index-non-concurrent drop-index-non-concurrent reindex-non-concurrent concurrent-index-in-transaction
      vacuum-full-or-cluster detach-partition-non-concurrent truncate drop-not-null drop-default rename-enum-value
      uncommitted-transaction lock-timeout-missing syntax-error`.split(/\s+/);
    expect(required.filter((id) => !rules.has(id))).toEqual([]);
  });

  test.each([...rules.values()].map((r) => [r.id, r]))(
    '%s is documented in the README with its severity and lock',
    (id, r) => {
      const rows = readme.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
      const cells = rows.find((row) => row[1] === `\`${id}\``);
      expect(cells?.slice(2, 4)).toEqual([r.severity, r.lock || '—']);
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.fix.length).toBeGreaterThan(20);
    },
  );
});
