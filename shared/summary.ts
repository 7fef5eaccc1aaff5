import { LIMITS, cutText } from './limits.js';
import { showText, truncate } from './neutralise.js';

type Cell = string | number;

/** Characters of one table cell shown (escaped names are at most about 4,000); a longer one is cut, saying so. */
const MAX_CELL = 8192;
type Block =
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'text'; text: string }
  | { kind: 'table'; header: Cell[]; rows: Cell[][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; text: string; language: string }
  | { kind: 'details'; title: string; body: Summary };

/**
 * A job summary built as blocks, rendered to Markdown (a terminal shows the same Markdown, laid out
 * by the command line's renderer).
 * Cell and text content is escaped, so untrusted names cannot break the table or inject HTML.
 */
export class Summary {
  private readonly blocks: Block[] = [];

  heading(text: string, level = 2): this {
    this.blocks.push({ kind: 'heading', text, level });
    return this;
  }
  /** A paragraph of trusted Markdown (the action's own words; escape untrusted parts with `code()`). */
  text(text: string): this {
    this.blocks.push({ kind: 'text', text });
    return this;
  }
  table(header: Cell[], rows: Cell[][]): this {
    this.blocks.push({ kind: 'table', header, rows });
    return this;
  }
  list(items: string[]): this {
    this.blocks.push({ kind: 'list', items });
    return this;
  }
  code(text: string, language = ''): this {
    this.blocks.push({ kind: 'code', text, language });
    return this;
  }
  /** A Mermaid diagram; GitHub renders it in summaries (a terminal points to the Markdown file). */
  mermaid(source: string): this {
    return this.code(source, 'mermaid');
  }
  /** A collapsed section whose body is built by `fill`. */
  details(title: string, fill: (body: Summary) => void): this {
    const body = new Summary();
    fill(body);
    this.blocks.push({ kind: 'details', title, body });
    return this;
  }
  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  /** Markdown within GitHub's 1 MiB, hidden and direction-changing characters shown escaped. */
  toMarkdown(): string {
    const markdown = showText(this.blocks.map(renderMarkdown).join('\n\n') + '\n');
    return cutText(
      markdown,
      LIMITS.summaryBytes,
      'bytes',
      `GitHub keeps ${LIMITS.summaryBytes} bytes of a step summary`,
    );
  }
}

/** Escapes text for a Markdown table cell or inline position. */
export function escapeMarkdown(text: string): string {
  // most names and reasons need nothing: one test instead of two replaces, as tables run to thousands of cells
  if (text.length <= 2000 && !/[\\`*_{}[\]<>|#!\n]/.test(text)) return text;
  return truncate(text, 2000)
    .replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/** Inline code that survives any content (backticks inside are fenced by longer runs). */
export function inlineCode(text: string): string {
  if (text.length <= 2000 && !/[`|\r\n]/.test(text)) return `\`${text}\``;
  const clean = truncate(text, 2000).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat((clean.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0) + 1);
  return `${fence}${clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean}${fence}`;
}

function renderMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'text':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'code': {
      const fence = block.text.includes('```') ? '~~~~' : '```';
      return `${fence}${block.language}\n${block.text}\n${fence}`;
    }
    case 'table': {
      // Pipes end a cell unless escaped; leave the ones escapeMarkdown or inlineCode already escaped.
      // Most cells hold none: the replace with a callback is skipped, as tables run to thousands of cells.
      const cell = (c: Cell) => {
        const text = truncate(String(c), MAX_CELL);
        return text.includes('|') ? text.replace(/\\?\|/g, (m) => (m.length === 2 ? m : '\\|')) : text;
      };
      const row = (cells: Cell[]) => `| ${cells.map(cell).join(' | ')} |`;
      const lines = [row(block.header), row(block.header.map(() => '---'))];
      // rows past what GitHub keeps are not rendered at all: the work stays bounded by the limit
      let size = 0;
      for (const [i, cells] of block.rows.entries()) {
        const line = row(cells);
        size += line.length;
        if (size > LIMITS.summaryBytes) {
          lines.push(
            `| … ${block.rows.length - i} more rows not shown: GitHub keeps ${LIMITS.summaryBytes} bytes of a step summary |`,
          );
          break;
        }
        lines.push(line);
      }
      return lines.join('\n');
    }
    case 'details':
      return `<details><summary>${escapeMarkdown(block.title)}</summary>\n\n${block.body.toMarkdown()}\n</details>`;
  }
}
