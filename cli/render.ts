// The job summary for a terminal: the Markdown GitHub shows, parsed by marked's lexer (loaded only
// when a summary is printed) and laid out as plain text that fits the terminal.
import type { Token, Tokens } from 'marked';

export interface RenderOptions {
  /** Columns available; tables are cut to fit. */
  width: number;
  /** ANSI styles (a TTY without NO_COLOR). */
  color: boolean;
  /** Where the exact Markdown was written, for the things a terminal cannot show. */
  summaryFile?: string;
}

/** GitHub's alert labels (`> [!WARNING]`), as a terminal line starts. */
const ALERTS: Record<string, string> = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export async function renderMarkdown(markdown: string, options: RenderOptions): Promise<string> {
  const { lexer } = await import('marked');
  return new Renderer(options).blocks(lexer(markdown)).join('\n\n') + '\n';
}

class Renderer {
  constructor(private readonly options: RenderOptions) {}

  private style(code: string, text: string): string {
    return this.options.color && text ? `\x1b[${code}m${text}\x1b[0m` : text;
  }

  blocks(tokens: Token[], indent = ''): string[] {
    const out: string[] = [];
    for (const token of tokens) {
      const text = this.block(token);
      if (text !== undefined) out.push(indent ? text.replace(/^/gm, indent) : text);
    }
    return out;
  }

  private block(token: Token): string | undefined {
    switch (token.type) {
      case 'space':
        return undefined;
      case 'heading':
        return this.style('1', this.inline((token as Tokens.Heading).tokens));
      case 'paragraph':
        return this.inline((token as Tokens.Paragraph).tokens);
      case 'text':
        return 'tokens' in token && token.tokens ? this.inline(token.tokens) : decode(token.text);
      case 'code':
        return this.code(token as Tokens.Code);
      case 'blockquote':
        return this.quote(token as Tokens.Blockquote);
      case 'list':
        return this.list(token as Tokens.List);
      case 'table':
        return this.table(token as Tokens.Table);
      case 'hr':
        return '─'.repeat(Math.min(this.options.width, 40));
      case 'html':
        return this.html(token.raw);
      default:
        return 'text' in token ? decode(String(token.text)) : token.raw;
    }
  }

  private code(token: Tokens.Code): string {
    if (token.lang === 'mermaid') {
      const where = this.options.summaryFile
        ? `it is in ${this.options.summaryFile}`
        : '--summary-file PATH writes the Markdown with it';
      return this.style('2', `(A Mermaid diagram, drawn on GitHub, is left out here: ${where}.)`);
    }
    return token.text.replace(/^/gm, '    ');
  }

  /** `> [!WARNING]` becomes a line starting `Warning:`; other quotes keep a bar in the margin. */
  private quote(token: Tokens.Blockquote): string {
    const body = this.blocks(token.tokens).join('\n\n');
    const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(body);
    if (alert) {
      const label = ALERTS[alert[1]!]!;
      return `${this.style(label === 'Warning' || label === 'Caution' ? '1;33' : '1', `${label}:`)} ${body.slice(alert[0].length)}`;
    }
    return body.replace(/^/gm, '│ ');
  }

  private list(token: Tokens.List): string {
    const start = typeof token.start === 'number' ? token.start : 1;
    return token.items
      .map((item, i) => {
        const bullet = token.ordered ? `${start + i}. ` : '- ';
        const body = this.blocks(item.tokens).join('\n');
        return `${bullet}${body.replace(/\n/g, `\n${' '.repeat(bullet.length)}`)}`;
      })
      .join('\n');
  }

  /** `<details><summary>Title</summary>` opens a section: its title stays, the tags go. */
  private html(raw: string): string | undefined {
    const title = /<summary>([\s\S]*?)<\/summary>/i.exec(raw)?.[1];
    if (title !== undefined) return this.style('1', `${decode(title.replace(/<[^>]*>/g, ''))}:`);
    const text = decode(raw.replace(/<[^>]*>/g, '')).trim();
    return text || undefined;
  }

  private table(token: Tokens.Table): string {
    const rows = [token.header, ...token.rows].map((row) =>
      row.map((cell) => this.inline(cell.tokens, false)),
    );
    const widths = fitColumns(
      token.header.map((_, i) => Math.max(...rows.map((row) => visible(row[i] ?? '').length))),
      this.options.width,
    );
    const line = (row: string[]) =>
      row
        .map((cell, i) => cut(cell, widths[i]!))
        .map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i]! - visible(cell).length)))
        .join('  ')
        .trimEnd();
    const header = this.style('1', line(rows[0]!));
    return [header, line(widths.map((w) => '─'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
  }

  /** Inline Markdown as text: code without backticks, links with their address, no escapes. */
  private inline(tokens: Token[] | undefined, styled = true): string {
    const s = (code: string, text: string) => (styled ? this.style(code, text) : text);
    return (tokens ?? [])
      .map((token): string => {
        switch (token.type) {
          case 'codespan':
            return s('36', decode(token.text));
          case 'strong':
            return s('1', this.inline((token as Tokens.Strong).tokens, styled));
          case 'em':
          case 'del':
            return this.inline((token as Tokens.Em).tokens, styled);
          case 'link': {
            const link = token as Tokens.Link;
            const label = this.inline(link.tokens, styled);
            return visible(label) === link.href ? label : `${label} (${link.href})`;
          }
          case 'image':
            return `[image: ${(token as Tokens.Image).text}]`;
          case 'br':
            return '\n';
          case 'html':
            return /^<br\s*\/?>$/i.test(token.raw) ? '\n' : '';
          case 'escape':
            return token.text;
          case 'text':
            return 'tokens' in token && token.tokens ? this.inline(token.tokens, styled) : decode(token.text);
          default:
            return decode('text' in token ? String(token.text) : token.raw);
        }
      })
      .join('');
  }
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

/** The text a reader sees: without ANSI styles. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Cuts a cell to `width` characters, the last one `…`, dropping styles from a cut cell. */
function cut(cell: string, width: number): string {
  const plain = visible(cell);
  if (plain.length <= width) return cell;
  return width <= 1 ? '…'.slice(0, width) : `${plain.slice(0, width - 1)}…`;
}

/**
 * Column widths that fit `total` columns with two spaces between them: the widest columns give way
 * first, down to a floor of 3 (or their own width), so short columns stay whole.
 */
export function fitColumns(widths: number[], total: number): number[] {
  const fitted = [...widths];
  let excess = fitted.reduce((sum, w) => sum + w, 0) - (total - 2 * (widths.length - 1));
  for (; excess > 0; excess--) {
    const widest = Math.max(...fitted);
    if (widest <= 3) break;
    fitted[fitted.indexOf(widest)] = widest - 1;
  }
  return fitted;
}
