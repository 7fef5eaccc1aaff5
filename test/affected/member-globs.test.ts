import { memberMatcher } from '../../actions/affected/src/manifests.js';

// The package managers look for `<pattern>/package.json` (vite's `playground/**` lists the
// `playground` folder's own package): both the string fast path and the glob path agree.
describe('workspace member globs', () => {
  it.each([
    [['playground/**'], 'playground', true],
    [['playground/**'], 'playground/css', true],
    [['playground/**', 'docs'], 'playground', true],
    [['playground/**', 'docs'], 'docs', true],
    [['packages/**/__tests__/**', 'docs'], 'packages/vite/src/node/__tests__', true],
    [['packages/*'], 'packages', false],
    [['packages/*', 'docs'], 'packages', false],
    [['packages/**', '!packages/**'], 'packages', false],
    [['playground/**'], 'playgrounds', false],
  ])('%j selects %s: %s', (patterns, dir, selected) => {
    expect(memberMatcher(patterns, 'pnpm-workspace.yaml')(dir)).toBe(selected);
  });
});
