import { InputError } from '../../shared/errors.js';
import { type Options, checkOptions } from '../../actions/deploy-metadata/src/options.js';

const base: Options = {
  environment: 'production',
  service: undefined,
  version: undefined,
  'require-semver': false,
  created: 'commit',
  'max-changes': 250,
  'part-of': undefined,
  'previous-lookup': 'auto',
  'export-env': false,
  'env-file': undefined,
  'create-deployment': false,
  'deployment-id': undefined,
  'deployment-status': 'success',
  'environment-url': undefined,
  'create-tag': false,
  'tag-prefix': 'deploy/',
  token: undefined,
};

test.each([
  [
    'defaults: the repository names the service, nothing goes to GitHub',
    {},
    { service: 'shop', writesToGitHub: false },
  ],
  ['a service given', { service: 'cart' }, { service: 'cart' }],
  ['create-deployment writes to GitHub', { 'create-deployment': true }, { writesToGitHub: true }],
  ['create-tag writes to GitHub', { 'create-tag': true }, { writesToGitHub: true }],
  [
    'a deployment id gives a status to that deployment',
    { 'deployment-id': '1234', 'deployment-status': 'in_progress' },
    { deploymentId: 1234, deploymentState: 'in_progress', writesToGitHub: true },
  ],
  ['created now', { created: 'now' }, { created: 'now' }],
  ['an http(s) environment URL', { 'environment-url': 'https://shop.example.com/x?y=1' }, {}],
  ['a nested tag prefix', { 'tag-prefix': 'releases/deploy-' }, {}],
] as [string, Partial<Options>, object][])('%s', (_name, given, expected) => {
  expect(checkOptions({ ...base, ...given }, 'shop')).toMatchObject(expected);
});

test.each([
  [
    'environment',
    { environment: 'prod uction' },
    'shop',
    /^Input "environment" is "prod uction", which is not allowed: use 1 to 63/,
  ],
  ['environment', { environment: 'a..b' }, 'shop', /cannot hold "\.\."/],
  ['service', { service: 'x.lock' }, 'shop', /^Input "service" is "x\.lock", which is not allowed/],
  [
    'service (the repository name)',
    {},
    'my repo',
    /^Input "service" is "my repo" \(the repository name\), which is not allowed/,
  ],
  ['tag-prefix', { 'tag-prefix': '../' }, 'shop', /^Input "tag-prefix" is "\.\.\/", which is not allowed/],
  ['tag-prefix', { 'tag-prefix': '-x/' }, 'shop', /start with a letter or digit/],
  [
    'deployment-id',
    { 'deployment-id': '0' },
    'shop',
    /^Input "deployment-id" is "0", which is not allowed: use the numeric deployment-id output/,
  ],
  ['deployment-id', { 'deployment-id': '12; rm -rf /' }, 'shop', /Input "deployment-id"/],
  [
    'environment-url',
    { 'environment-url': 'javascript:alert(1)' },
    'shop',
    /^Input "environment-url" is .*use an http\(s\) URL\.$/,
  ],
  ['environment-url', { 'environment-url': 'https://a b' }, 'shop', /Input "environment-url"/],
] as [string, Partial<Options>, string, RegExp][])(
  'refuses a bad %s',
  (_name, given, repository, message) => {
    let error: unknown;
    try {
      checkOptions({ ...base, ...given }, repository);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  },
);
