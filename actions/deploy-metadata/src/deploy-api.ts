import { plural } from '../../../shared/english.js';
import { UserError } from '../../../shared/errors.js';
import { type GitHub, explainApiError, findOrCreate, statusOf } from '../../../shared/github.js';
import {
  type DeployRecord,
  type Previous,
  type TagObject,
  type TagRef,
  deployTagName,
  deployTags,
  isSameRun,
  storedRecord,
  tagMessage,
} from './record.js';

/** States a deployment status may take; the action offers the ones a deploy job reports. */
export type DeploymentState =
  'in_progress' | 'queued' | 'pending' | 'success' | 'failure' | 'error' | 'inactive';

/** How many deploy numbers to try when parallel runs take the next ones first. */
const TAG_NUMBER_ATTEMPTS = 5;
/** How many older deployments to inspect for the last successful one. */
const DEPLOYMENTS_SCANNED = 20;

/**
 * The GitHub side of a deploy: finding the previous deploy, and creating the deployment, its status
 * and the deploy tag at most once each, however often a step or a request is repeated.
 */
export class DeployApi {
  constructor(
    private readonly gh: GitHub,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  private get where() {
    return { owner: this.owner, repo: this.repo };
  }

  /** The environment's deploy tags on GitHub, newest first; commits are peeled lazily. */
  async deployTags(prefix: string, environment: string): Promise<(TagRef & { n: number })[]> {
    const refs = await this.gh.paginate(this.gh.rest.git.listMatchingRefs, {
      ...this.where,
      ref: `tags/${prefix}${environment}/`,
      per_page: 100,
    });
    const tags = refs.map((r) => ({
      name: r.ref.replace(/^refs\/tags\//, ''),
      object: r.object.sha,
      commit: r.object.type === 'commit' ? r.object.sha : undefined,
    }));
    return deployTags(tags, prefix, environment);
  }

  /** The commit (and message) behind a tag ref: annotated tags are one more request. */
  async peel(tag: TagRef): Promise<TagObject> {
    if (tag.commit) return { commit: tag.commit };
    const { data } = await this.gh.rest.git.getTag({ ...this.where, tag_sha: tag.object });
    return { commit: data.object.sha, message: data.message };
  }

  private async tagByName(name: string): Promise<(TagRef & TagObject) | undefined> {
    try {
      const { data } = await this.gh.rest.git.getRef({ ...this.where, ref: `tags/${name}` });
      const ref = {
        name,
        object: data.object.sha,
        commit: data.object.type === 'commit' ? data.object.sha : undefined,
      };
      return { ...ref, ...(await this.peel(ref)) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** The newest successful deployment of the environment that is not this run's own. */
  async lastSuccessfulDeployment(
    record: Pick<DeployRecord, 'environment' | 'buildId'>,
  ): Promise<Previous | undefined> {
    const { data } = await this.gh.rest.repos.listDeployments({
      ...this.where,
      environment: record.environment,
      per_page: DEPLOYMENTS_SCANNED,
    });
    for (const deployment of data) {
      if (isSameRun(deployment.payload, record)) continue;
      const { data: statuses } = await this.gh.rest.repos.listDeploymentStatuses({
        ...this.where,
        deployment_id: deployment.id,
        per_page: 100,
      });
      // A later success elsewhere marks this one inactive; it was still deployed successfully.
      if (statuses.some((s) => s.state === 'success')) {
        const version = (deployment.payload as Partial<DeployRecord> | null)?.version;
        return {
          sha: deployment.sha,
          source: 'deployment',
          ...(typeof version === 'string' ? { version } : {}),
        };
      }
    }
    return undefined;
  }

  /** This run's deployment for the environment (any attempt), created when there is none yet. */
  async ensureDeployment(record: DeployRecord): Promise<{ id: number; created: boolean }> {
    const find = async () => {
      const { data } = await this.gh.rest.repos.listDeployments({
        ...this.where,
        environment: record.environment,
        sha: record.sha,
        per_page: 100,
      });
      return data.find((d) => isSameRun(d.payload, record));
    };
    const { value, created } = await findOrCreate({
      what: `deployment of ${record.sha.slice(0, 7)} to ${record.environment}`,
      find,
      isSame: () => true,
      create: async () => {
        const response = await this.gh.rest.repos.createDeployment({
          ...this.where,
          ref: record.sha,
          environment: record.environment,
          task: 'deploy',
          description: `${record.service} ${record.version}`.slice(0, 140),
          // GitHub's defaults would merge the default branch into the ref and wait for every check.
          auto_merge: false,
          required_contexts: [],
          payload: storedRecord(record) as unknown as Record<string, unknown>,
        });
        if (response.status !== 201 || !('id' in response.data))
          throw new UserError(
            `GitHub did not create the deployment: ${JSON.stringify(response.data).slice(0, 200)}`,
          );
        return response.data;
      },
    });
    return { id: value.id, created };
  }

  /** Checks that a deployment given by id exists and is of this environment and commit. */
  async checkDeployment(id: number, record: Pick<DeployRecord, 'environment' | 'sha'>): Promise<void> {
    const { data } = await this.gh.rest.repos.getDeployment({ ...this.where, deployment_id: id });
    const problem =
      data.environment !== record.environment
        ? `a deployment to ${JSON.stringify(data.environment)}, not to ${JSON.stringify(record.environment)}`
        : data.sha !== record.sha
          ? `a deployment of ${data.sha.slice(0, 7)}, not of this step's commit ${record.sha.slice(0, 7)}`
          : undefined;
    if (problem)
      throw new UserError(
        `Input "deployment-id" is ${id}, ${problem}; pass the deployment-id output of this deploy's first step.`,
      );
  }

  /**
   * Adds a status unless the newest status already says the same for the same run attempt (a
   * repeated step); a new attempt has its own log URL, so it gets its own status.
   */
  async setStatus(
    id: number,
    status: { state: DeploymentState; logUrl: string; environmentUrl?: string; description: string },
  ): Promise<{ created: boolean }> {
    const { created } = await findOrCreate({
      what: `deployment status ${status.state} on deployment ${id}`,
      isSame: () => true,
      find: async () => {
        const { data } = await this.gh.rest.repos.listDeploymentStatuses({
          ...this.where,
          deployment_id: id,
          per_page: 1,
        });
        const newest = data[0];
        return newest && newest.state === status.state && (newest.log_url ?? '') === status.logUrl
          ? newest
          : undefined;
      },
      create: async () =>
        (
          await this.gh.rest.repos.createDeploymentStatus({
            ...this.where,
            deployment_id: id,
            state: status.state,
            log_url: status.logUrl || undefined,
            environment_url: status.environmentUrl,
            description: status.description.slice(0, 140),
            auto_inactive: true,
          })
        ).data,
    });
    return { created };
  }

  /**
   * The deploy tag of this deploy: reused when the newest deploy tag already points at the commit
   * (a re-run, a parallel run of the same commit), else `<prefix><environment>/<n+1>`. When a
   * parallel run takes that number for another commit, the next number is tried.
   */
  async ensureTag(record: DeployRecord, prefix: string): Promise<{ name: string; created: boolean }> {
    const tags = await this.deployTags(prefix, record.environment);
    const newest = tags[0];
    if (newest && (await this.peel(newest)).commit === record.sha)
      return { name: newest.name, created: false };
    let n = (newest?.n ?? 0) + 1;
    for (let attempt = 0; attempt < TAG_NUMBER_ATTEMPTS; attempt++, n++) {
      const name = deployTagName(prefix, record.environment, n);
      // Any tag found under this name is accepted here; whose commit it carries is checked below.
      const { value, created } = await findOrCreate({
        what: `deploy tag ${name}`,
        find: () => this.tagByName(name),
        isSame: () => true,
        create: async () => {
          const { data: tag } = await this.gh.rest.git.createTag({
            ...this.where,
            tag: name,
            message: tagMessage(record),
            object: record.sha,
            type: 'commit',
          });
          await this.gh.rest.git.createRef({ ...this.where, ref: `refs/tags/${name}`, sha: tag.sha });
          return { name, object: tag.sha, commit: record.sha };
        },
      });
      if (value.commit === record.sha) return { name, created };
    }
    throw new UserError(
      `Could not create a deploy tag for ${record.environment}: ${plural(TAG_NUMBER_ATTEMPTS, 'number')} in a row were taken by other runs meanwhile; run the job again.`,
    );
  }
}

/** Re-exported so main.ts loads the API module only when it needs it. */
export { explainApiError };
