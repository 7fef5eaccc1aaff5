"use strict";
exports.id = 166;
exports.ids = [166];
exports.modules = {

/***/ 9166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderMarkdown: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* unused harmony export fitColumns */
/** GitHub's alert labels (`> [!WARNING]`), as a terminal line starts. */
const ALERTS = {
    NOTE: 'Note',
    TIP: 'Tip',
    IMPORTANT: 'Important',
    WARNING: 'Warning',
    CAUTION: 'Caution',
};
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
async function renderMarkdown(markdown, options) {
    const { lexer } = await __webpack_require__.e(/* import() */ 720).then(__webpack_require__.bind(__webpack_require__, 4720));
    return new Renderer(options).blocks(lexer(markdown)).join('\n\n') + '\n';
}
class Renderer {
    options;
    constructor(options) {
        this.options = options;
    }
    style(code, text) {
        return this.options.color && text ? `\x1b[${code}m${text}\x1b[0m` : text;
    }
    blocks(tokens, indent = '') {
        const out = [];
        for (const token of tokens) {
            const text = this.block(token);
            if (text !== undefined)
                out.push(indent ? text.replace(/^/gm, indent) : text);
        }
        return out;
    }
    block(token) {
        switch (token.type) {
            case 'space':
                return undefined;
            case 'heading':
                return this.style('1', this.inline(token.tokens));
            case 'paragraph':
                return this.inline(token.tokens);
            case 'text':
                return 'tokens' in token && token.tokens ? this.inline(token.tokens) : decode(token.text);
            case 'code':
                return this.code(token);
            case 'blockquote':
                return this.quote(token);
            case 'list':
                return this.list(token);
            case 'table':
                return this.table(token);
            case 'hr':
                return '─'.repeat(Math.min(this.options.width, 40));
            case 'html':
                return this.html(token.raw);
            default:
                return 'text' in token ? decode(String(token.text)) : token.raw;
        }
    }
    code(token) {
        if (token.lang === 'mermaid') {
            const where = this.options.summaryFile
                ? `it is in ${this.options.summaryFile}`
                : '--summary-file PATH writes the Markdown with it';
            return this.style('2', `(A Mermaid diagram, drawn on GitHub, is left out here: ${where}.)`);
        }
        return token.text.replace(/^/gm, '    ');
    }
    /** `> [!WARNING]` becomes a line starting `Warning:`; other quotes keep a bar in the margin. */
    quote(token) {
        const body = this.blocks(token.tokens).join('\n\n');
        const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(body);
        if (alert) {
            const label = ALERTS[alert[1]];
            return `${this.style(label === 'Warning' || label === 'Caution' ? '1;33' : '1', `${label}:`)} ${body.slice(alert[0].length)}`;
        }
        return body.replace(/^/gm, '│ ');
    }
    list(token) {
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
    html(raw) {
        const title = /<summary>([\s\S]*?)<\/summary>/i.exec(raw)?.[1];
        if (title !== undefined)
            return this.style('1', `${decode(title.replace(/<[^>]*>/g, ''))}:`);
        const text = decode(raw.replace(/<[^>]*>/g, '')).trim();
        return text || undefined;
    }
    table(token) {
        const rows = [token.header, ...token.rows].map((row) => row.map((cell) => this.inline(cell.tokens, false)));
        const widths = fitColumns(token.header.map((_, i) => Math.max(...rows.map((row) => visible(row[i] ?? '').length))), this.options.width);
        const line = (row) => row
            .map((cell, i) => cut(cell, widths[i]))
            .map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i] - visible(cell).length)))
            .join('  ')
            .trimEnd();
        const header = this.style('1', line(rows[0]));
        return [header, line(widths.map((w) => '─'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
    }
    /** Inline Markdown as text: code without backticks, links with their address, no escapes. */
    inline(tokens, styled = true) {
        const s = (code, text) => (styled ? this.style(code, text) : text);
        return (tokens ?? [])
            .map((token) => {
            switch (token.type) {
                case 'codespan':
                    return s('36', decode(token.text));
                case 'strong':
                    return s('1', this.inline(token.tokens, styled));
                case 'em':
                case 'del':
                    return this.inline(token.tokens, styled);
                case 'link': {
                    const link = token;
                    const label = this.inline(link.tokens, styled);
                    return visible(label) === link.href ? label : `${label} (${link.href})`;
                }
                case 'image':
                    return `[image: ${token.text}]`;
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
function decode(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name]);
}
/** The text a reader sees: without ANSI styles. */
function visible(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\[[0-9;]*m/g, '');
}
/** Cuts a cell to `width` characters, the last one `…`, dropping styles from a cut cell. */
function cut(cell, width) {
    const plain = visible(cell);
    if (plain.length <= width)
        return cell;
    return width <= 1 ? '…'.slice(0, width) : `${plain.slice(0, width - 1)}…`;
}
/**
 * Column widths that fit `total` columns with two spaces between them: the widest columns give way
 * first, down to a floor of 3 (or their own width), so short columns stay whole.
 */
function fitColumns(widths, total) {
    const fitted = [...widths];
    let excess = fitted.reduce((sum, w) => sum + w, 0) - (total - 2 * (widths.length - 1));
    for (; excess > 0; excess--) {
        const widest = Math.max(...fitted);
        if (widest <= 3)
            break;
        fitted[fitted.indexOf(widest)] = widest - 1;
    }
    return fitted;
}


/***/ })

};
;
//# sourceMappingURL=166.index.js.map