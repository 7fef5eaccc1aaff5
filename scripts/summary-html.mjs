// Renders a job summary's Markdown to a page that looks as GitHub shows it: GitHub-flavoured Markdown
// (marked, with GitHub's alerts through marked-alert), GitHub's own Markdown CSS, raw HTML such as
// <details> kept, and ```mermaid blocks handed to the mermaid library, which draws them in the page.
// Pure: the CSS and where mermaid's browser build lies (a file:// URL into node_modules) are passed in,
// so the page needs no network when Chromium opens it.
import { Marked } from 'marked';
import markedAlert from 'marked-alert';

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub-flavoured Markdown to HTML, with Mermaid blocks left for mermaid to draw. */
export function markdownToHtml(markdown) {
  const marked = new Marked({ gfm: true }, markedAlert(), {
    renderer: {
      code({ text, lang }) {
        // GitHub draws a Mermaid block in a framed box in place of the code.
        if (lang === 'mermaid')
          return `<div class="mermaid-box"><pre class="mermaid">${escapeHtml(text)}</pre></div>\n`;
        return false;
      },
    },
  });
  return marked.parse(markdown);
}

/**
 * A whole page for `markdown`, `width` CSS pixels wide. The <details> sections stay closed as GitHub
 * shows them, except those holding a diagram, opened as a reader would open them (mermaid also draws
 * badly inside a closed one). When every diagram is drawn, the page sets `data-rendered` on <body> to
 * its height in pixels (or `error: …`), for the screenshot to size by.
 * @param {{ css: string, mermaidUrl: string, width: number }} page GitHub's Markdown CSS and the URL
 *   of mermaid's browser build
 */
export function summaryPage(markdown, { css, mermaidUrl, width }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Job summary</title>
<style>
${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${width}px; padding: 16px 24px; }
.mermaid-box { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px; margin-bottom: 16px; text-align: center; }
.mermaid-box pre.mermaid { background: none; padding: 0; margin: 0; }
</style>
</head>
<body>
<article class="markdown-body">
${markdownToHtml(markdown)}
</article>
<script src="${escapeHtml(mermaidUrl)}"></script>
<script>
for (const diagram of document.querySelectorAll('details pre.mermaid')) diagram.closest('details').open = true;
mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
mermaid
  .run({ querySelector: 'pre.mermaid' })
  .then(() => { document.body.dataset.rendered = String(Math.ceil(document.body.scrollHeight)); })
  .catch((error) => { document.body.dataset.rendered = 'error: ' + error.message; });
</script>
</body>
</html>
`;
}
