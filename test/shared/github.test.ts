import { connectGitHub, findOrCreate } from '../../shared/github.js';
import { lazyGitHub } from '../../shared/github-lazy.js';
import { Redactor } from '../../shared/redact.js';
import { type GitHubServer, clientIO, startGitHubServer } from '../support/github-server.js';

describe('GitHub client against the test server', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer();
  });
  afterEach(() => server.close());

  it('redacts every text a request sends out: the masked token and known secret formats', async () => {
    const redactor = new Redactor();
    const io = {
      ...clientIO(server),
      setSecret: (v: string) => redactor.add(v),
      redact: (t: string) => redactor.redact(t),
    };
    io.setSecret('tok-own-secret-42'); // as parseInputs masks the token input
    const gh = connectGitHub(io, 'tok-own-secret-42', 'test');
    const aws = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
    await gh.rest.issues.create({
      owner: 'acme',
      repo: 'shop',
      title: `leak ${aws}`,
      body: `token tok-own-secret-42 and postgres://u:p@ss@db/x`,
      labels: ['flaky'],
    });
    const issue = server.state.issues.at(-1)!;
    expect(issue.title).toBe('leak ***');
    expect(issue.body).toBe('token *** and postgres://u:***@db/x');
    expect(issue.labels).toEqual([expect.objectContaining({ name: 'flaky' })]);
  });

  it('connects lazily once per run, and an empty token fails naming what needed GitHub', async () => {
    const connect = lazyGitHub(clientIO(server), 'token');
    const first = await connect('issues');
    expect(await connect('state')).toBe(first);
    await expect(lazyGitHub(clientIO(server), '')('state: branch:x')).rejects.toThrow(
      /Input "token" is empty, but state: branch:x needs the GitHub API/,
    );
  });

  it('retries a GET after 502 and 503', async () => {
    server.inject({ method: 'GET', path: '/git/ref/', status: 502 });
    server.inject({ method: 'GET', path: '/git/ref/', status: 503 });
    const gh = connectGitHub(clientIO(server), 'token', 'test');
    const { data } = await gh.rest.git.getRef({ owner: 'acme', repo: 'shop', ref: 'heads/main' });
    expect(data.ref).toBe('refs/heads/main');
    expect(server.requests.filter((r) => r.path.includes('/git/ref/')).map((r) => r.status)).toEqual([
      502, 503, 200,
    ]);
  });

  it('waits out a secondary rate limit with retry-after', async () => {
    server.inject({ method: 'GET', path: '/git/ref/', status: 403, retryAfter: 0 });
    const warnings: string[] = [];
    const gh = connectGitHub(clientIO(server, warnings), 'token', 'test');
    await gh.rest.git.getRef({ owner: 'acme', repo: 'shop', ref: 'heads/main' });
    expect(warnings.join('\n')).toMatch(/secondary rate limit/);
  });

  it('does not re-send a POST that failed with 502; findOrCreate looks again instead', async () => {
    const gh = connectGitHub(clientIO(server), 'token', 'test');
    const main = server.state.refs.get('refs/heads/main')!;
    server.inject({ method: 'POST', path: '/git/refs', status: 502, apply: true });
    const find = () =>
      gh.rest.git.getRef({ owner: 'acme', repo: 'shop', ref: 'tags/v1' }).then(
        (r) => r.data,
        (e: { status?: number }) => (e.status === 404 ? undefined : Promise.reject(e)),
      );
    const result = await findOrCreate({
      what: 'tag v1',
      find,
      create: () =>
        gh.rest.git
          .createRef({ owner: 'acme', repo: 'shop', ref: 'refs/tags/v1', sha: main })
          .then((r) => r.data),
      isSame: (ref) => ref.object.sha === main,
    });
    expect(result.created).toBe(false);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(server.state.refs.get('refs/tags/v1')).toBe(main);
  });

  it('reports a different existing object as a conflict', async () => {
    const gh = connectGitHub(clientIO(server), 'token', 'test');
    await expect(
      findOrCreate({
        what: 'thing',
        find: async () => 'other',
        create: async () => 'mine',
        isSame: (v) => v === 'mine',
      }),
    ).rejects.toThrow('Cannot create thing: a different one already exists.');
    void gh;
  });

  it('answers 409 for a stale contents sha, as GitHub does', async () => {
    const gh = connectGitHub(clientIO(server), 'token', 'test');
    const put = (sha?: string) =>
      gh.rest.repos.createOrUpdateFileContents({
        owner: 'acme',
        repo: 'shop',
        path: 's.json',
        message: 'm',
        content: 'e30=',
        sha,
      });
    const first = await put();
    await expect(put('0'.repeat(40))).rejects.toMatchObject({ status: 409 });
    await expect(put(first.data.content!.sha)).resolves.toMatchObject({ status: 200 });
  });

  it('fails with a sentence naming the token input when the token is empty', () => {
    expect(() => connectGitHub(clientIO({ url: 'x' } as GitHubServer), '', 'create-tag')).toThrow(
      /Input "token" is empty, but create-tag needs the GitHub API/,
    );
  });
});
