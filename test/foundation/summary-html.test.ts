// The page `npm run screenshots` photographs: a job summary's Markdown rendered as GitHub renders it.
// Chromium is not run here; this checks the HTML it is given.
import { join } from 'node:path';
import { repoRoot } from '../support/harness.js';

type Page = { css: string; mermaidUrl: string; width: number };
const { markdownToHtml, summaryPage } = (await import(join(repoRoot, 'scripts', 'summary-html.mjs'))) as {
  markdownToHtml: (markdown: string) => string;
  summaryPage: (markdown: string, page: Page) => string;
};

describe('markdownToHtml', () => {
  test.each([
    ['a GitHub table', '| a | b |\n| --- | --- |\n| 1 | 2 |', /<table>[\s\S]*<th>a<\/th>[\s\S]*<td>2<\/td>/],
    ['a quote', '> said', /<blockquote>\s*<p>said<\/p>\s*<\/blockquote>/],
    ['strikethrough', '~~gone~~', /<del>gone<\/del>/],
    ['a bare link', 'see https://example.com/x', /<a href="https:\/\/example\.com\/x">/],
    [
      'a <details> section, kept as HTML with Markdown inside',
      '<details><summary>Files (1)</summary>\n\n- `a.sql`\n\n</details>',
      /<details><summary>Files \(1\)<\/summary>\s*<ul>\s*<li><code>a\.sql<\/code><\/li>\s*<\/ul>\s*<\/details>/,
    ],
    [
      'an alert, with the class and title GitHub gives it',
      '> [!WARNING]\n> Budget spent.',
      /<div class="markdown-alert markdown-alert-warning">[\s\S]*Warning[\s\S]*<p>Budget spent\.<\/p>/,
    ],
    [
      'a Mermaid block, framed for mermaid to draw, its text escaped',
      '```mermaid\nflowchart LR\n  a["<ui>"] --> b\n```',
      /<div class="mermaid-box"><pre class="mermaid">flowchart LR\n {2}a\[&quot;&lt;ui&gt;&quot;\] --&gt; b<\/pre><\/div>/,
    ],
    [
      'other code stays code, its language as a class',
      '```sql\nSELECT 1;\n```',
      /<pre><code class="language-sql">SELECT 1;\n<\/code><\/pre>/,
    ],
  ])('%s', (_, markdown, html) => {
    expect(markdownToHtml(markdown)).toMatch(html);
  });
});

describe('summaryPage', () => {
  const page = summaryPage('## ✅ Done\n\n```mermaid\nflowchart LR\n a --> b\n```', {
    css: '.markdown-body { color: #1f2328; }',
    mermaidUrl: 'file:///repo/node_modules/mermaid/dist/mermaid.min.js',
    width: 900,
  });

  test('holds the summary in a markdown-body of the given width, styled by the CSS given', () => {
    expect(page).toMatch(/<article class="markdown-body">\s*<h2>✅ Done<\/h2>/);
    expect(page).toContain('.markdown-body { color: #1f2328; }');
    expect(page).toContain('width: 900px');
    expect(page).toContain('<meta charset="utf-8">');
  });

  test('loads mermaid from the file given, and nothing from the network', () => {
    expect(page).toContain('<script src="file:///repo/node_modules/mermaid/dist/mermaid.min.js"></script>');
    expect(page).not.toMatch(/(src|href)="https?:/);
  });
});
