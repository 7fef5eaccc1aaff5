import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A GitHub REST API on 127.0.0.1 for end-to-end tests: it keeps state in memory for the endpoints
 * the actions use and answers as GitHub does (404 for missing objects, 409 for a stale contents
 * sha, 422 for existing refs and non-fast-forward updates, rate-limit headers), and injects faults.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Fault {
  method?: string;
  /** Matches the request path (without the query string). */
  path?: RegExp | string;
  /** Status to answer with; 403 + retryAfter gives a secondary rate limit. */
  status?: number;
  retryAfter?: number;
  /** Wait this long before answering (a response after the client's timeout). */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** Carry out the request first, then fail: GitHub did the work but the client never heard. */
  apply?: boolean;
  /** How many matching requests this fault hits (default 1). */
  times?: number;
}

export interface Commit {
  sha: string;
  parents: string[];
  message: string;
  /** path -> blob sha */
  tree: Map<string, string>;
}

export interface ServerState {
  defaultBranch: string;
  refs: Map<string, string>;
  commits: Map<string, Commit>;
  blobs: Map<string, Buffer>;
  tags: Map<string, Json>;
  issues: Json[];
  labels: Map<string, Json>;
  deployments: Json[];
  checkRuns: Json[];
  pulls: Map<number, Json>;
  commitComments: Json[];
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  body?: Json;
}

export interface GitHubServer {
  url: string;
  state: ServerState;
  requests: RequestRecord[];
  inject(fault: Fault): void;
  /** Registers a test repository's commits so ref updates can be checked for fast-forward. */
  importHistory(repoDir: string): void;
  /** A file's text on a branch, or undefined. */
  readFile(branch: string, path: string): string | undefined;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Json = {},
  ) {
    super(message);
  }
}

const gitSha = (kind: string, body: Buffer | string) =>
  createHash('sha1')
    .update(`${kind} ${Buffer.byteLength(body)}\0`)
    .update(body)
    .digest('hex');

const now = () => new Date().toISOString();

export async function startGitHubServer(
  options: { owner?: string; repo?: string; defaultBranch?: string; token?: string } = {},
): Promise<GitHubServer> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'shop';
  const prefix = `/repos/${owner}/${repo}`;
  const state: ServerState = {
    defaultBranch: options.defaultBranch ?? 'main',
    refs: new Map(),
    commits: new Map(),
    blobs: new Map(),
    tags: new Map(),
    issues: [],
    labels: new Map(),
    deployments: [],
    checkRuns: [],
    pulls: new Map(),
    commitComments: [],
  };
  const faults: Fault[] = [];
  const requests: RequestRecord[] = [];
  let nextId = 1;
  let remaining = 5000;

  // The default branch starts with one empty commit, as a new repository with a README would.
  const root: Commit = {
    sha: gitSha('commit', 'root'),
    parents: [],
    message: 'Initial commit',
    tree: new Map(),
  };
  state.commits.set(root.sha, root);
  state.refs.set(`refs/heads/${state.defaultBranch}`, root.sha);

  const isAncestor = (ancestor: string, descendant: string): boolean => {
    const seen = new Set<string>();
    const stack = [descendant];
    while (stack.length) {
      const sha = stack.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      stack.push(...(state.commits.get(sha)?.parents ?? []));
    }
    return false;
  };

  const commitOnBranch = (
    branch: string,
    message: string,
    change: (tree: Map<string, string>) => void,
  ): Commit => {
    const parentSha = state.refs.get(`refs/heads/${branch}`);
    if (!parentSha) throw new HttpError(404, `Branch ${branch} not found`);
    const tree = new Map(state.commits.get(parentSha)?.tree ?? []);
    change(tree);
    const sha = gitSha('commit', `${parentSha}\n${message}\n${nextId++}`);
    const commit: Commit = { sha, parents: [parentSha], message, tree };
    state.commits.set(sha, commit);
    state.refs.set(`refs/heads/${branch}`, sha);
    return commit;
  };

  const refJson = (ref: string) => {
    const sha = state.refs.get(ref)!;
    const type = state.tags.has(sha) ? 'tag' : 'commit';
    return { ref, node_id: ref, url: `${prefix}/git/${ref}`, object: { sha, type, url: '' } };
  };

  const paginate = (req: URL, items: Json[], res: ServerResponse, base: string): Json[] => {
    const perPage = Math.min(Number(req.searchParams.get('per_page') ?? 30), 100);
    const page = Number(req.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    if (page < last) {
      const next = new URL(req.toString());
      next.searchParams.set('page', String(page + 1));
      res.setHeader('link', `<${base}${next.pathname}${next.search}>; rel="next"`);
    }
    return items.slice((page - 1) * perPage, page * perPage);
  };

  const issueJson = (issue: Json) => ({
    ...issue,
    comments: issue.commentList.length,
    commentList: undefined,
  });

  function route(method: string, url: URL, body: Json, res: ServerResponse, base: string): [number, unknown] {
    const path = url.pathname.replace(/^\/api\/v3/, '');
    let m: RegExpExecArray | null;
    const match = (verb: string, pattern: RegExp) => method === verb && (m = pattern.exec(path)) !== null;

    if (match('GET', /^\/repos\/([^/]+)\/([^/]+)$/)) {
      if (m![1] !== owner || m![2] !== repo) throw new HttpError(404, 'Not Found');
      return [
        200,
        {
          name: repo,
          full_name: `${owner}/${repo}`,
          default_branch: state.defaultBranch,
          html_url: `https://github.com/${owner}/${repo}`,
        },
      ];
    }
    if (!path.startsWith(prefix) && !path.startsWith('/search')) throw new HttpError(404, 'Not Found');
    const local = path.slice(prefix.length);
    const lmatch = (verb: string, pattern: RegExp) => method === verb && (m = pattern.exec(local)) !== null;

    // --- git refs, tags, commits
    if (lmatch('GET', /^\/git\/ref\/(.+)$/)) {
      const ref = `refs/${decodeURIComponent(m![1]!)}`;
      if (!state.refs.has(ref)) throw new HttpError(404, 'Not Found');
      return [200, refJson(ref)];
    }
    if (lmatch('GET', /^\/git\/matching-refs\/(.*)$/)) {
      const want = `refs/${decodeURIComponent(m![1]!)}`;
      const refs = [...state.refs.keys()].filter((r) => r.startsWith(want)).sort();
      return [200, paginate(url, refs.map(refJson), res, base)];
    }
    if (lmatch('POST', /^\/git\/refs$/)) {
      const ref = String(body.ref ?? '');
      if (!/^refs\/(heads|tags)\/[^\s~^:?*[\\]+$/.test(ref) || ref.endsWith('/') || ref.includes('..')) {
        throw new HttpError(422, 'Reference name is invalid');
      }
      if (!state.commits.has(String(body.sha)) && !state.tags.has(String(body.sha))) {
        throw new HttpError(422, 'Object does not exist');
      }
      if (state.refs.has(ref)) throw new HttpError(422, 'Reference already exists');
      state.refs.set(ref, body.sha);
      return [201, refJson(ref)];
    }
    if (lmatch('PATCH', /^\/git\/refs\/(.+)$/)) {
      const ref = `refs/${decodeURIComponent(m![1]!)}`;
      const current = state.refs.get(ref);
      if (!current) throw new HttpError(422, 'Reference does not exist');
      const known = state.commits.has(current) && state.commits.has(body.sha);
      if (!body.force && known && !isAncestor(current, body.sha))
        throw new HttpError(422, 'Update is not a fast forward');
      state.refs.set(ref, body.sha);
      return [200, refJson(ref)];
    }
    if (lmatch('DELETE', /^\/git\/refs\/(.+)$/)) {
      const ref = `refs/${decodeURIComponent(m![1]!)}`;
      if (!state.refs.delete(ref)) throw new HttpError(422, 'Reference does not exist');
      return [204, undefined];
    }
    if (lmatch('POST', /^\/git\/tags$/)) {
      if (!state.commits.has(String(body.object))) throw new HttpError(422, 'Object does not exist');
      const tag = {
        tag: body.tag,
        message: body.message ?? '',
        object: { sha: body.object, type: body.type ?? 'commit' },
        tagger: body.tagger ?? { name: 'github-actions', email: 'actions@github.com', date: now() },
      };
      const sha = gitSha('tag', JSON.stringify(tag));
      state.tags.set(sha, { ...tag, sha, node_id: sha });
      return [201, state.tags.get(sha)];
    }
    if (lmatch('GET', /^\/git\/tags\/([0-9a-f]+)$/)) {
      const tag = state.tags.get(m![1]!);
      if (!tag) throw new HttpError(404, 'Not Found');
      return [200, tag];
    }
    if (lmatch('GET', /^\/(?:git\/)?commits\/([0-9a-f]{40})$/)) {
      const commit = state.commits.get(m![1]!);
      if (!commit) throw new HttpError(404, 'Not Found');
      return [
        200,
        { sha: commit.sha, message: commit.message, parents: commit.parents.map((sha) => ({ sha })) },
      ];
    }
    if (lmatch('GET', /^\/branches\/(.+)$/)) {
      const sha = state.refs.get(`refs/heads/${decodeURIComponent(m![1]!)}`);
      if (!sha) throw new HttpError(404, 'Branch not found');
      return [200, { name: decodeURIComponent(m![1]!), commit: { sha } }];
    }

    // --- flaky-quarantine (additive): large files and git blobs, as GitHub answers them.
    // The contents API returns files over 1 MB without their content (encoding "none"); clients
    // then read the blob. Smaller files and every other route behave as before.
    if (lmatch('GET', /^\/contents\/(.+)$/)) {
      const branch = url.searchParams.get('ref') ?? state.defaultBranch;
      const head = state.refs.get(`refs/heads/${branch.replace(/^refs\/heads\//, '')}`) ?? branch;
      const filePath = decodeURIComponent(m![1]!);
      const blob = state.commits.get(head)?.tree.get(filePath);
      const content = blob ? state.blobs.get(blob) : undefined;
      if (blob && content && content.length > 1024 * 1024) {
        const name = filePath.split('/').pop();
        return [
          200,
          {
            type: 'file',
            encoding: 'none',
            path: filePath,
            name,
            sha: blob,
            size: content.length,
            content: '',
          },
        ];
      }
    }
    if (lmatch('GET', /^\/git\/blobs\/([0-9a-f]{40})$/)) {
      const content = state.blobs.get(m![1]!);
      if (!content) throw new HttpError(404, 'Not Found');
      return [
        200,
        { sha: m![1], size: content.length, encoding: 'base64', content: content.toString('base64') },
      ];
    }

    // --- contents
    if (lmatch('GET', /^\/contents\/(.+)$/)) {
      const branch = url.searchParams.get('ref') ?? state.defaultBranch;
      const head = state.refs.get(`refs/heads/${branch.replace(/^refs\/heads\//, '')}`) ?? branch;
      const commit = state.commits.get(head);
      if (!commit) throw new HttpError(404, `No commit found for the ref ${branch}`);
      const filePath = decodeURIComponent(m![1]!);
      const blob = commit.tree.get(filePath);
      if (!blob) throw new HttpError(404, 'Not Found');
      const content = state.blobs.get(blob)!;
      return [
        200,
        {
          type: 'file',
          encoding: 'base64',
          path: filePath,
          name: filePath.split('/').pop(),
          sha: blob,
          size: content.length,
          content: content.toString('base64'),
        },
      ];
    }
    if (lmatch('PUT', /^\/contents\/(.+)$/)) {
      const filePath = decodeURIComponent(m![1]!);
      const branch = String(body.branch ?? state.defaultBranch);
      const headSha = state.refs.get(`refs/heads/${branch}`);
      if (!headSha) throw new HttpError(404, `Branch ${branch} not found`);
      if (typeof body.content !== 'string')
        throw new HttpError(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
      const existing = state.commits.get(headSha)!.tree.get(filePath);
      if (existing && !body.sha) throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
      if (existing && body.sha !== existing)
        throw new HttpError(409, `${filePath} does not match ${body.sha}`);
      if (!existing && body.sha) throw new HttpError(409, `${filePath} does not match ${body.sha}`);
      const content = Buffer.from(body.content, 'base64');
      const blob = gitSha('blob', content);
      state.blobs.set(blob, content);
      const commit = commitOnBranch(branch, String(body.message ?? 'Update'), (tree) =>
        tree.set(filePath, blob),
      );
      return [
        existing ? 200 : 201,
        { content: { path: filePath, sha: blob }, commit: { sha: commit.sha, message: commit.message } },
      ];
    }

    // --- labels
    if (lmatch('GET', /^\/labels\/(.+)$/)) {
      const label = state.labels.get(decodeURIComponent(m![1]!));
      if (!label) throw new HttpError(404, 'Not Found');
      return [200, label];
    }
    if (lmatch('GET', /^\/labels$/)) return [200, paginate(url, [...state.labels.values()], res, base)];
    if (lmatch('POST', /^\/labels$/)) {
      if (state.labels.has(body.name))
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        });
      const label = {
        id: nextId++,
        name: body.name,
        color: body.color ?? 'ededed',
        description: body.description ?? '',
      };
      state.labels.set(body.name, label);
      return [201, label];
    }

    // --- issues and comments
    if (lmatch('GET', /^\/issues$/)) {
      const wanted = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const list = state.issues
        .filter((i) => wanted === 'all' || i.state === wanted)
        .filter((i) => labels.every((l) => i.labels.some((x: Json) => x.name === l)))
        .sort((a, b) => b.number - a.number)
        .map(issueJson);
      return [200, paginate(url, list, res, base)];
    }
    if (lmatch('POST', /^\/issues$/)) {
      if (!body.title)
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
        });
      const issue = {
        id: nextId++,
        number: state.issues.length + state.pulls.size + 1,
        title: String(body.title),
        body: body.body ?? '',
        state: 'open',
        state_reason: null,
        labels: (body.labels ?? []).map((name: string) => state.labels.get(name) ?? { name }),
        assignees: (body.assignees ?? []).map((login: string) => ({ login })),
        user: { login: 'github-actions[bot]' },
        html_url: `https://github.com/${owner}/${repo}/issues/${state.issues.length + state.pulls.size + 1}`,
        created_at: now(),
        updated_at: now(),
        commentList: [] as Json[],
      };
      state.issues.push(issue);
      return [201, issueJson(issue)];
    }
    const findIssue = (n: string) => {
      const issue = state.issues.find((i) => i.number === Number(n));
      if (!issue) throw new HttpError(404, 'Not Found');
      return issue;
    };
    if (lmatch('GET', /^\/issues\/(\d+)$/)) return [200, issueJson(findIssue(m![1]!))];
    if (lmatch('PATCH', /^\/issues\/(\d+)$/)) {
      const issue = findIssue(m![1]!);
      for (const key of ['title', 'body', 'state', 'state_reason'] as const)
        if (body[key] !== undefined) issue[key] = body[key];
      if (body.labels)
        issue.labels = body.labels.map((l: string | Json) =>
          typeof l === 'string' ? (state.labels.get(l) ?? { name: l }) : l,
        );
      issue.updated_at = now();
      return [200, issueJson(issue)];
    }
    if (lmatch('GET', /^\/issues\/(\d+)\/comments$/))
      return [200, paginate(url, findIssue(m![1]!).commentList, res, base)];
    if (lmatch('POST', /^\/issues\/(\d+)\/comments$/)) {
      const issue = findIssue(m![1]!);
      const comment = {
        id: nextId++,
        body: String(body.body ?? ''),
        user: { login: 'github-actions[bot]' },
        created_at: now(),
      };
      issue.commentList.push(comment);
      return [201, comment];
    }
    if (lmatch('POST', /^\/issues\/(\d+)\/labels$/)) {
      const issue = findIssue(m![1]!);
      for (const name of body.labels ?? [])
        if (!issue.labels.some((l: Json) => l.name === name)) issue.labels.push({ name });
      return [200, issue.labels];
    }

    // --- deployments
    if (lmatch('GET', /^\/deployments$/)) {
      const filters = ['environment', 'sha', 'ref', 'task'].map((k) => [k, url.searchParams.get(k)] as const);
      const list = state.deployments
        .filter((d) => filters.every(([k, v]) => v === null || d[k] === v))
        .sort((a, b) => b.id - a.id)
        .map(({ statuses: _statuses, ...d }) => d);
      return [200, paginate(url, list, res, base)];
    }
    if (lmatch('POST', /^\/deployments$/)) {
      if (!body.ref)
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'Deployment', code: 'missing_field', field: 'ref' }],
        });
      const sha = state.commits.has(body.ref)
        ? body.ref
        : (state.refs.get(`refs/heads/${body.ref}`) ?? state.refs.get(`refs/tags/${body.ref}`));
      if (!sha) throw new HttpError(422, `No ref found for: ${body.ref}`);
      const deployment = {
        id: nextId++,
        sha,
        ref: body.ref,
        task: body.task ?? 'deploy',
        environment: body.environment ?? 'production',
        description: body.description ?? null,
        payload: typeof body.payload === 'string' ? JSON.parse(body.payload || '{}') : (body.payload ?? {}),
        auto_merge: body.auto_merge ?? true,
        required_contexts: body.required_contexts,
        transient_environment: body.transient_environment ?? false,
        production_environment: body.production_environment ?? false,
        creator: { login: 'github-actions[bot]' },
        created_at: now(),
        updated_at: now(),
        statuses: [] as Json[],
      };
      state.deployments.push(deployment);
      const { statuses: _s, ...out } = deployment;
      return [201, out];
    }
    const findDeployment = (id: string) => {
      const d = state.deployments.find((x) => x.id === Number(id));
      if (!d) throw new HttpError(404, 'Not Found');
      return d;
    };
    if (lmatch('GET', /^\/deployments\/(\d+)$/)) {
      const { statuses: _s, ...d } = findDeployment(m![1]!);
      return [200, d];
    }
    if (lmatch('GET', /^\/deployments\/(\d+)\/statuses$/)) {
      return [200, paginate(url, [...findDeployment(m![1]!).statuses].reverse(), res, base)];
    }
    if (lmatch('POST', /^\/deployments\/(\d+)\/statuses$/)) {
      const d = findDeployment(m![1]!);
      const allowed = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
      if (!allowed.includes(body.state))
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'DeploymentStatus', code: 'custom', field: 'state' }],
        });
      const status = {
        id: nextId++,
        state: body.state,
        description: body.description ?? '',
        environment: body.environment ?? d.environment,
        environment_url: body.environment_url ?? '',
        log_url: body.log_url ?? '',
        created_at: now(),
      };
      d.statuses.push(status);
      if (body.state === 'success' && body.auto_inactive !== false) {
        for (const other of state.deployments) {
          if (
            other !== d &&
            other.environment === d.environment &&
            other.statuses.at(-1)?.state === 'success'
          ) {
            other.statuses.push({
              id: nextId++,
              state: 'inactive',
              environment: other.environment,
              created_at: now(),
            });
          }
        }
      }
      return [201, status];
    }

    // --- check runs, pulls, commit comments
    if (lmatch('POST', /^\/check-runs$/)) {
      const run = { id: nextId++, ...body, status: body.status ?? 'queued' };
      state.checkRuns.push(run);
      return [201, run];
    }
    if (lmatch('PATCH', /^\/check-runs\/(\d+)$/)) {
      const run = state.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) throw new HttpError(404, 'Not Found');
      Object.assign(run, body);
      return [200, run];
    }
    if (lmatch('GET', /^\/commits\/([0-9a-f]{40})\/check-runs$/)) {
      const runs = state.checkRuns.filter((r) => r.head_sha === m![1]);
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (lmatch('GET', /^\/pulls\/(\d+)$/)) {
      const pull = state.pulls.get(Number(m![1]));
      if (!pull) throw new HttpError(404, 'Not Found');
      return [200, pull];
    }
    if (lmatch('GET', /^\/commits\/([0-9a-f]{40})\/pulls$/)) {
      return [
        200,
        [...state.pulls.values()].filter((p) => p.merge_commit_sha === m![1] || p.head?.sha === m![1]),
      ];
    }
    if (lmatch('POST', /^\/commits\/([0-9a-f]{40})\/comments$/)) {
      const comment = {
        id: nextId++,
        commit_id: m![1],
        body: String(body.body ?? ''),
        path: body.path ?? null,
        line: body.line ?? null,
        created_at: now(),
      };
      state.commitComments.push(comment);
      return [201, comment];
    }
    if (lmatch('GET', /^\/commits\/([0-9a-f]{40})\/comments$/)) {
      return [
        200,
        paginate(
          url,
          state.commitComments.filter((c) => c.commit_id === m![1]),
          res,
          base,
        ),
      ];
    }
    throw new HttpError(404, `Not Found (the test server has no route for ${method} ${path})`);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const base = `http://${req.headers.host}`;
        let body: Json = {};
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          body = {};
        }
        const faultAt = faults.findIndex(
          (f) =>
            (!f.method || f.method === method) &&
            (!f.path ||
              (typeof f.path === 'string' ? url.pathname.includes(f.path) : f.path.test(url.pathname))),
        );
        const fault = faultAt >= 0 ? faults[faultAt] : undefined;
        if (fault && --fault.times! <= 0) faults.splice(faultAt, 1);

        remaining = Math.max(0, remaining - 1);
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('x-ratelimit-limit', '5000');
        res.setHeader('x-ratelimit-remaining', String(remaining));
        res.setHeader('x-ratelimit-used', String(5000 - remaining));
        res.setHeader('x-ratelimit-reset', String(Math.floor(Date.now() / 1000) + 3600));
        res.setHeader('x-ratelimit-resource', 'core');
        res.setHeader('x-github-request-id', `TEST:${requests.length}`);

        let status: number;
        let payload: unknown;
        const auth = req.headers.authorization ?? '';
        if (options.token ? auth !== `token ${options.token}` && auth !== `Bearer ${options.token}` : !auth) {
          [status, payload] = [401, { message: 'Requires authentication' }];
        } else if (fault && !fault.apply && (fault.status || fault.drop)) {
          [status, payload] = [fault.status ?? 0, undefined];
        } else {
          try {
            [status, payload] = route(method, url, body, res, base);
          } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            [status, payload] = [
              error.status,
              { message: error.message, documentation_url: 'https://docs.github.com/rest', ...error.extra },
            ];
          }
          if (fault?.status) status = fault.status;
        }
        if (fault?.status) {
          payload =
            fault.status === 403 || fault.status === 429
              ? {
                  message:
                    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
                }
              : { message: fault.status >= 500 ? 'Server Error' : 'Fault injected' };
          if (fault.retryAfter !== undefined) res.setHeader('retry-after', String(fault.retryAfter));
        }
        requests.push({ method, path: url.pathname + url.search, status, body });
        if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault?.drop) {
          req.socket.destroy();
          return;
        }
        res.statusCode = status;
        res.end(payload === undefined ? undefined : JSON.stringify(payload));
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ message: `test server bug: ${String(error)}` }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    inject: (fault) => faults.push({ times: 1, ...fault }),
    importHistory: (repoDir) => {
      const lines = execFileSync('git', ['rev-list', '--parents', '--all'], {
        cwd: repoDir,
        encoding: 'utf8',
      })
        .trim()
        .split('\n');
      for (const line of lines.filter(Boolean)) {
        const [sha, ...parents] = line.split(' ');
        if (!state.commits.has(sha!))
          state.commits.set(sha!, { sha: sha!, parents, message: '', tree: new Map() });
      }
    },
    readFile: (branch, filePath) => {
      const blob = state.commits.get(state.refs.get(`refs/heads/${branch}`) ?? '')?.tree.get(filePath);
      return blob ? state.blobs.get(blob)!.toString('utf8') : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What `connectGitHub` needs from an ActionIO, pointed at this server: nothing masked or redacted,
 * a quiet log (warnings collected), and a short back-off so fault tests retry quickly in-process.
 */
export const clientIO = (server: Pick<GitHubServer, 'url'>, warnings: string[] = []) => ({
  env: { GITHUB_API_URL: server.url },
  network: { github: { retryBaseMs: 5 } },
  setSecret: () => {},
  redact: (text: string) => text,
  log: {
    debug: () => {},
    info: () => {},
    warning: (message: string) => warnings.push(message),
    group: <T>(_: string, f: () => Promise<T>) => f(),
  },
});
