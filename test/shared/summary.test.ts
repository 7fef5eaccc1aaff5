import { Summary, escapeMarkdown, inlineCode } from '../../shared/summary.js';
import { neutralise, truncate } from '../../shared/neutralise.js';

describe('Summary', () => {
  const summary = new Summary()
    .heading('Decision: **block**')
    .table(['project', 'reason'], [['a|b', 'changed']])
    .details('Why', (body) => body.mermaid('graph LR\n  a --> b'));

  it('renders Markdown with escaped cells and collapsed details', () => {
    expect(summary.toMarkdown()).toBe(
      '## Decision: **block**\n\n| project | reason |\n| --- | --- |\n| a\\|b | changed |\n\n<details><summary>Why</summary>\n\n```mermaid\ngraph LR\n  a --> b\n```\n\n</details>\n',
    );
  });
});

describe('escaping untrusted text', () => {
  it('escapes Markdown and HTML', () => {
    expect(escapeMarkdown('<img src=x> *bold* | pipe')).toBe('\\<img src=x\\> \\*bold\\* \\| pipe');
  });
  it('fences inline code around backticks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
  });
  it('makes workflow commands inert in logs', () => {
    expect(neutralise('ok\n::add-mask::secret\n  ::stop-commands::x')).toBe(
      'ok\n:\u200b:add-mask::secret\n  :\u200b:stop-commands::x',
    );
    expect(neutralise('a::b')).toBe('a::b');
  });
  it('truncates and says how much', () => {
    expect(truncate('x'.repeat(10), 4)).toBe('xxxx… (6 more characters)');
  });
});

describe('tables with escaped cells', () => {
  it('escapes a pipe once, whether or not the cell was escaped already', () => {
    const md = new Summary()
      .table(['a'], [[escapeMarkdown('x|y')], ['p|q'], [inlineCode('m|n')]])
      .toMarkdown();
    expect(md).toBe('| a |\n| --- |\n| x\\|y |\n| p\\|q |\n| `m\\|n` |\n');
  });
});
