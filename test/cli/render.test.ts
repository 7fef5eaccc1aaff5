import { fitColumns, renderMarkdown } from '../../cli/render.js';
import { Summary } from '../../shared/summary.js';

const plain = { width: Infinity, color: false };

describe('the terminal rendering of a job summary', () => {
  it('keeps headings as written and shows code without backticks', async () => {
    const text = await renderMarkdown(
      '## Deploy v1.2.3 of `abc1234f`\n\nRan `git describe --tags`.\n',
      plain,
    );
    expect(text).toBe('Deploy v1.2.3 of abc1234f\n\nRan git describe --tags.\n');
  });

  it('turns a GitHub alert into a labelled line', async () => {
    const text = await renderMarkdown('> [!WARNING]\n> The history branch is missing.\n', plain);
    expect(text).toBe('Warning: The history branch is missing.\n');
  });

  it('leaves a Mermaid diagram out and says where it is', async () => {
    const markdown = '```mermaid\ngraph LR\n  a --> b\n```\n';
    expect(await renderMarkdown(markdown, { ...plain, summaryFile: 'summary.md' })).toBe(
      '(A Mermaid diagram, drawn on GitHub, is left out here: it is in summary.md.)\n',
    );
    expect(await renderMarkdown(markdown, plain)).toContain(
      '--summary-file PATH writes the Markdown with it',
    );
    expect(await renderMarkdown('```sql\nDROP TABLE t;\n```\n', plain)).toBe('    DROP TABLE t;\n');
  });

  it('lays out tables without escapes, cutting cells with … to fit the width', async () => {
    const summary = new Summary().table(
      ['project', 'reason'],
      [
        ['a|b', 'changed: packages/a/src/index.ts'],
        ['c', 'depends on a|b'],
      ],
    );
    const wide = await renderMarkdown(summary.toMarkdown(), plain);
    expect(wide).toBe(
      [
        'project  reason',
        '───────  ────────────────────────────────',
        'a|b      changed: packages/a/src/index.ts',
        'c        depends on a|b',
        '',
      ].join('\n'),
    );
    const narrow = await renderMarkdown(summary.toMarkdown(), { width: 24, color: false });
    for (const line of narrow.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(24);
    expect(narrow).toContain('a|b      changed: packa…');
  });

  it('shows a details section by its title, and lists with their bullets', async () => {
    const summary = new Summary().details('Files (2)', (body) => body.list(['`a.sql`', '**b.sql**']));
    expect(await renderMarkdown(summary.toMarkdown(), plain)).toBe('Files (2):\n\n- a.sql\n- b.sql\n');
  });

  it('colours only when asked, with ANSI styles a width check ignores', async () => {
    expect(await renderMarkdown('# Title\n', { width: 80, color: true })).toBe('\x1b[1mTitle\x1b[0m\n');
    expect(await renderMarkdown('# Title\n', plain)).not.toContain('\x1b');
  });
});

describe('fitColumns', () => {
  it.each([
    [[10, 5], 100, [10, 5]],
    [[30, 5], 20, [13, 5]],
    [[20, 20, 4], 30, [11, 11, 4]],
    [[20, 19, 4], 30, [11, 11, 4]],
    [[50, 50], 4, [3, 3]],
  ])('fits %j into %i columns as %j', (widths, total, expected) => {
    expect(fitColumns(widths, total)).toEqual(expected);
  });
});
