import { embedCandidates, embedPatterns, embeddedFiles } from '../../actions/affected/src/go-embed.js';
import type { Project } from '../../actions/affected/src/model.js';

const mod = (dir: string): Project => ({
  name: dir || 'root',
  dir,
  ecosystem: 'go',
  manifest: `${dir}/go.mod`,
  links: [],
  sharedEntries: [],
});

describe('go:embed', () => {
  test.each([
    ['//go:embed static/*\nvar f embed.FS', ['static/*']],
    ['//go:embed a.txt "b c.txt" `d.txt`\n//go:embed all:web', ['a.txt', 'b c.txt', 'd.txt', 'web']],
    ['// go:embed not-a-directive', []],
  ])('embedPatterns(%j)', (source, patterns) => expect(embedPatterns(source)).toEqual(patterns));

  test('only .go files in the folder and its parents up to the module root are candidates', () => {
    const files = [
      'go.mod',
      'main.go',
      'web/server.go',
      'web/server_test.go',
      'web/static/app.js',
      'other/x.go',
      'sub/go.mod',
      'sub/sub.go',
    ];
    const candidates = embedCandidates(
      ['web/static/app.js', 'sub/data.txt', 'main.go'],
      [mod(''), mod('sub')],
      files,
    );
    expect(Object.fromEntries(candidates)).toEqual({
      'web/server.go': ['web/static/app.js'],
      'main.go': ['web/static/app.js'],
      'sub/sub.go': ['sub/data.txt'],
    });
  });

  test('files and folders named by a pattern are embedded; others are not', () => {
    const candidates = new Map([
      ['web/server.go', ['web/static/css/app.css', 'web/templates/x.tmpl', 'web/notes.txt']],
    ]);
    const sources = new Map([
      ['web/server.go', 'package web\n\n//go:embed static templates/*.html\nvar fs embed.FS\n'],
    ]);
    expect([...embeddedFiles(candidates, sources)]).toEqual(['web/static/css/app.css']);
  });
});
