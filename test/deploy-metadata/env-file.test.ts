import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envFilePlace } from '../../actions/deploy-metadata/src/env-file.js';

describe('input "env-file"', () => {
  const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'env-file-ws-')));
  const runnerTemp = realpathSync(mkdtempSync(join(tmpdir(), 'env-file-temp-')));
  mkdirSync(join(workspace, 'folder'));

  test('unset: no file', () => expect(envFilePlace(undefined, workspace, runnerTemp)).toBeUndefined());

  test.each([
    ['deploy.env', join(workspace, 'deploy.env')],
    [join(runnerTemp, 'deploy.env'), join(runnerTemp, 'deploy.env')],
  ])('%s is allowed', (raw, path) => expect(envFilePlace(raw, workspace, runnerTemp)?.path).toBe(path));

  test.each([
    ['../outside.env', /env-file/],
    ['/etc/deploy.env', /env-file/],
    ['folder', /^Input "env-file" is "folder", which is a directory; give a file path\.$/],
  ])('%s is refused with a sentence naming the input', (raw, message) =>
    expect(() => envFilePlace(raw, workspace, runnerTemp)).toThrow(message),
  );

  test('without a runner temp folder only the workspace is allowed', () =>
    expect(() => envFilePlace(join(runnerTemp, 'deploy.env'), workspace, undefined)).toThrow(/env-file/));
});
