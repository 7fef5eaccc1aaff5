import { deploymentStatus, doneSoFar, tagSkipReason } from '../../actions/deploy-metadata/src/publish.js';
import type { DeployRecord } from '../../actions/deploy-metadata/src/record.js';

const record = {
  service: 'shop',
  version: '1.2.0',
  shortSha: 'ccccccc',
  buildId: '1000-2',
  runUrl: 'https://github.com/acme/shop/actions/runs/1000',
} as DeployRecord;

test.each([
  ['in a run: links the run attempt', record, 'https://github.com/acme/shop/actions/runs/1000/attempts/2'],
  ['outside a runner: no log link', { ...record, runUrl: '', buildId: 'local' }, ''],
])('deployment status %s', (_name, given, logUrl) => {
  expect(deploymentStatus(given, 'success', 'https://shop.example.com')).toEqual({
    state: 'success',
    logUrl,
    environmentUrl: 'https://shop.example.com',
    description: 'shop 1.2.0 (ccccccc)',
  });
});

test.each([
  ['no deployment: the tag is made', {}, 'in_progress', undefined],
  ['a successful deployment: the tag is made', { deploymentId: 5 }, 'success', undefined],
  [
    'a deployment still in progress: no tag yet',
    { deploymentId: 5 },
    'in_progress',
    'the deployment status is in_progress; the deploy tag is created with the success status',
  ],
  ['a failed deployment: no tag', { deploymentId: 5 }, 'failure', expect.stringContaining('is failure')],
] as const)('%s', (_name, written, state, reason) => {
  expect(tagSkipReason(written, state)).toEqual(reason);
});

test.each([
  ['nothing done yet', {}, ''],
  [
    'a deployment created',
    { deploymentId: 7, deploymentCreated: true },
    ' (deployment 7 is created; run the job again to finish)',
  ],
  [
    'a deployment given',
    { deploymentId: 7, deploymentCreated: false },
    ' (deployment 7 is in place; run the job again to finish)',
  ],
])('what a failure says was done: %s', (_name, written, text) => {
  expect(doneSoFar(written)).toBe(text);
});
