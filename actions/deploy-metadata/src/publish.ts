import { UserError } from '../../../shared/errors.js';
import { type DeployApi, type DeploymentState, explainApiError } from './deploy-api.js';
import type { DeployRecord } from './record.js';
import type { Written } from './report.js';

/** What the inputs ask GitHub to hold for this deploy. */
export interface PublishRequest {
  createDeployment: boolean;
  /** An existing deployment to give the status, instead of creating one. */
  deploymentId?: number;
  state: DeploymentState;
  environmentUrl?: string;
  createTag: boolean;
  tagPrefix: string;
}

/** The status a deployment gets: it links the run attempt that set it. */
export function deploymentStatus(record: DeployRecord, state: DeploymentState, environmentUrl?: string) {
  return {
    state,
    logUrl: record.runUrl ? `${record.runUrl}/attempts/${record.buildId.split('-')[1]}` : '',
    environmentUrl,
    description: `${record.service} ${record.version} (${record.shortSha})`,
  };
}

/** Why no deploy tag is made although asked for: a deployment tags only once it succeeded. */
export function tagSkipReason(written: Written, state: DeploymentState): string | undefined {
  return written.deploymentId !== undefined && state !== 'success'
    ? `the deployment status is ${state}; the deploy tag is created with the success status`
    : undefined;
}

/** What a failed request says was already done, so a re-run can finish it. */
export function doneSoFar(written: Written): string {
  if (written.deploymentId === undefined) return '';
  const deployment = `deployment ${written.deploymentId} is ${written.deploymentCreated ? 'created' : 'in place'}`;
  return ` (${deployment}; run the job again to finish)`;
}

/**
 * Creates or reuses the deployment, its status and the deploy tag, in that order; each at most once
 * however often the step runs. A failure names what was done and the permission to check.
 */
export async function publish(
  api: DeployApi,
  record: DeployRecord,
  request: PublishRequest,
): Promise<Written> {
  const written: Written = {};
  const step = async <T>(what: string, permission: string, body: () => Promise<T>): Promise<T> => {
    try {
      return await body();
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw explainApiError(`${what}${doneSoFar(written)}`, error, permission);
    }
  };
  if (request.deploymentId !== undefined) {
    const id = request.deploymentId;
    await step('Reading deployment', 'deployments: read', () => api.checkDeployment(id, record));
    Object.assign(written, { deploymentId: id, deploymentCreated: false });
  } else if (request.createDeployment) {
    const deployment = await step('Creating the deployment', 'deployments: write', () =>
      api.ensureDeployment(record),
    );
    Object.assign(written, { deploymentId: deployment.id, deploymentCreated: deployment.created });
  }
  if (written.deploymentId !== undefined) {
    const status = deploymentStatus(record, request.state, request.environmentUrl);
    const id = written.deploymentId;
    written.statusCreated = (
      await step('Setting the deployment status', 'deployments: write', () => api.setStatus(id, status))
    ).created;
  }
  if (!request.createTag) return written;
  const tagSkipped = tagSkipReason(written, request.state);
  if (tagSkipped) return { ...written, tagSkipped };
  const tag = await step('Creating the deploy tag', 'contents: write', () =>
    api.ensureTag(record, request.tagPrefix),
  );
  return { ...written, tag: tag.name, tagCreated: tag.created };
}
