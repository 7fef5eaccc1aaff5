import { InputError } from '../../../shared/errors.js';
import { input, type parseInputs } from '../../../shared/inputs.js';
import type { DeploymentState } from './deploy-api.js';
import { nameProblem, tagPrefixProblem } from './record.js';

const STATES = ['in_progress', 'queued', 'pending', 'success', 'failure', 'error', 'inactive'] as const;

/** The action's inputs (action.yml declares the same names). */
export const inputs = {
  environment: input.required(),
  service: input.optional(),
  version: input.optional(),
  'require-semver': input.boolean(),
  created: input.oneOf(['commit', 'now']),
  'max-changes': input.integer(0, 10_000),
  'part-of': input.optional(),
  'previous-lookup': input.oneOf(['auto', 'git']),
  'export-env': input.boolean(),
  'env-file': input.optional(),
  'create-deployment': input.boolean(),
  'deployment-id': input.optional(),
  'deployment-status': input.oneOf(STATES),
  'environment-url': input.optional(),
  'create-tag': input.boolean(),
  'tag-prefix': input.text(),
  token: input.optional(),
};

export type Options = Awaited<ReturnType<typeof parseInputs<typeof inputs>>>;

/** What the inputs mean once checked together. */
export interface Settings {
  service: string;
  /** An existing deployment to give a status, from an earlier step. */
  deploymentId?: number;
  deploymentState: DeploymentState;
  created: 'commit' | 'now';
  /** True when a deployment, its status or a deploy tag is written through the API. */
  writesToGitHub: boolean;
}

const notAllowed = (name: string, value: string, why: string) =>
  new InputError(`Input "${name}" is ${JSON.stringify(value.slice(0, 100))}, which is not allowed: ${why}.`);

/**
 * Checks what parsing cannot (names that must fit tags and labels, ids and URLs) and settles the
 * defaults: the service is the repository's name unless given. Throws an InputError naming the input.
 */
export function checkOptions(options: Options, repository: string): Settings {
  const service = options.service ?? repository;
  const named = [
    ['environment', options.environment, ''],
    ['service', service, options.service === undefined ? ' (the repository name)' : ''],
  ] as const;
  for (const [name, value, origin] of named) {
    const problem = nameProblem(value);
    if (problem)
      throw new InputError(
        `Input "${name}" is ${JSON.stringify(value.slice(0, 100))}${origin}, which is not allowed: ${problem}.`,
      );
  }
  const prefixProblem = tagPrefixProblem(options['tag-prefix']);
  if (prefixProblem) throw notAllowed('tag-prefix', options['tag-prefix'], prefixProblem);
  const rawId = options['deployment-id'];
  if (rawId !== undefined && !/^[1-9]\d{0,15}$/.test(rawId))
    throw notAllowed('deployment-id', rawId, 'use the numeric deployment-id output of an earlier step');
  const url = options['environment-url'];
  if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url))
    throw notAllowed('environment-url', url, 'use an http(s) URL');
  const deploymentId = rawId === undefined ? undefined : Number(rawId);
  return {
    service,
    deploymentId,
    deploymentState: options['deployment-status'] as DeploymentState,
    created: options.created as 'commit' | 'now',
    writesToGitHub: options['create-deployment'] || deploymentId !== undefined || options['create-tag'],
  };
}
