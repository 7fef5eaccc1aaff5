import { parseEnv } from 'node:util';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { LABEL_VALUE, type DeployRecord } from '../../actions/deploy-metadata/src/record.js';
import {
  cleanValue,
  dotenv,
  dotenvValue,
  encodeAttribute,
  labelValue,
  mergeResourceAttributes,
  renderSinks,
} from '../../actions/deploy-metadata/src/sinks.js';
import { loadYaml } from '../../shared/yaml.js';

// The YAML parser loads on first need (shared/yaml.ts); rendering the labels needs it, also while tests are collected.
await loadYaml();

const sha = '0123456789abcdef0123456789abcdef01234567';
const plain: DeployRecord = {
  schema: 'trunk-actions/deploy-record/v1',
  service: 'shop',
  environment: 'production',
  sha,
  shortSha: sha.slice(0, 7),
  ref: 'refs/heads/main',
  version: '1.2.0+build.7',
  versionSource: 'input',
  buildId: '1000-1',
  deployId: 'production-1000-1',
  owner: { author: 'ada', actor: 'octocat' },
  pr: 42,
  created: '2023-11-14T22:13:20Z',
  repositoryUrl: 'https://github.com/acme/shop',
  runUrl: 'https://github.com/acme/shop/actions/runs/1000',
  previous: { sha: 'b'.repeat(40), version: '1.1.0', tag: 'deploy/production/3', source: 'tag' },
  changes: null,
};

const HOSTILE = [
  'line1\nline2\r\n::set-output name=x::y',
  '::add-mask::secret',
  `it's "quoted" \`back\` $HOME \\n`,
  'x'.repeat(10_000),
  'ünïcödé 🚀 日本語',
  'lone \uD800 surrogate \uDFFF',
  'a=b,c=d;e%20',
  '# not a comment',
  '',
];
/** A record whose every text field holds hostile text: the sinks must stay valid anyway. */
const hostile = (text: string): DeployRecord => ({
  ...plain,
  service: text,
  environment: text,
  version: text,
  ref: text,
  owner: { author: text, actor: text },
  repositoryUrl: text,
  runUrl: text,
  deployId: text,
  previous: { sha: text, version: text, source: 'tag' },
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const OCI_KEYS = ['title', 'version', 'revision', 'created', 'source', 'url'].map(
  (k) => `org.opencontainers.image.${k}`,
);
/** A Kubernetes qualified name: optional DNS-subdomain prefix and a 63-character name. */
const QUALIFIED_KEY =
  /^(?:(?=[a-z0-9.-]{1,253}\/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const BAGGAGE_OCTETS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;

describe('plain record', () => {
  const sinks = renderSinks(plain, { partOf: 'shop' });

  test('OCI labels: one key=value line per annotation, created in RFC 3339', () => {
    const lines = sinks.labels.split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf('=')))).toEqual(OCI_KEYS);
    expect(lines).toContain(`org.opencontainers.image.revision=${sha}`);
    expect(lines).toContain('org.opencontainers.image.version=1.2.0+build.7');
    expect(lines.find((l) => l.includes('.created='))!.split('=')[1]).toMatch(RFC3339);
  });

  test('Kubernetes labels: recommended keys, valid values, + replaced', () => {
    expect(parseYaml(sinks.k8sLabels)).toEqual({
      'app.kubernetes.io/name': 'shop',
      'app.kubernetes.io/instance': 'shop-production',
      'app.kubernetes.io/version': '1.2.0_build.7',
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/managed-by': 'github-actions',
    });
  });

  test('Kubernetes annotations: sha, run url, deploy id and change-cause', () => {
    const annotations = parseYaml(sinks.annotations);
    expect(annotations).toMatchObject({
      'deploy.trunk-actions.dev/sha': sha,
      'deploy.trunk-actions.dev/run-url': plain.runUrl,
      'deploy.trunk-actions.dev/deploy-id': 'production-1000-1',
      'deploy.trunk-actions.dev/pr': '42',
      'deploy.trunk-actions.dev/previous-sha': 'b'.repeat(40),
    });
    expect(annotations['kubernetes.io/change-cause']).toContain(
      'shop 1.2.0+build.7 (0123456) to production by octocat',
    );
  });

  test('OTel attributes: semantic-convention keys, + encoded', () => {
    expect(sinks.otelResourceAttributes).toBe(
      `service.name=shop,service.version=1.2.0%2Bbuild.7,deployment.environment.name=production,vcs.ref.head.revision=${sha},vcs.repository.url.full=https://github.com/acme/shop,vcs.change.id=42`,
    );
  });

  test('variables: Datadog and OTel names, dotenv reads back', () => {
    const vars = new Map(sinks.variables);
    expect(vars.get('DD_ENV')).toBe('production');
    expect(vars.get('DD_VERSION')).toBe('1.2.0+build.7');
    expect(vars.get('DD_GIT_COMMIT_SHA')).toBe(sha);
    expect(vars.get('OTEL_SERVICE_NAME')).toBe('shop');
    expect(parseEnv(sinks.dotenv)).toEqual(Object.fromEntries(sinks.variables));
  });

  test('an existing OTEL_RESOURCE_ATTRIBUTES keeps its other keys; ours win', () => {
    const merged = mergeResourceAttributes('team=pay%20ments,service.name=old', [['service.name', 'shop']]);
    expect(merged).toBe('team=pay%20ments,service.name=shop');
    expect(
      new Map(renderSinks(plain, { partOf: 'shop', existingOtel: 'k8s.pod.name=x' }).variables).get(
        'OTEL_RESOURCE_ATTRIBUTES',
      ),
    ).toMatch(/^k8s\.pod\.name=x,service\.name=shop,/);
  });
});

describe.each(HOSTILE.map((text) => [JSON.stringify(text.slice(0, 40)), text]))(
  'hostile value %s',
  (_name, text) => {
    const record = hostile(text);
    const sinks = renderSinks(record, { partOf: text });

    test('OCI labels stay one line each and bounded', () => {
      for (const line of sinks.labels.split('\n')) {
        expect(OCI_KEYS).toContain(line.slice(0, line.indexOf('=')));
        expect(line.length).toBeLessThanOrEqual(1024 + 40);
      }
    });

    test('Kubernetes labels obey the label value rules', () => {
      const labels = parseYaml(sinks.k8sLabels) as Record<string, string>;
      for (const [key, value] of Object.entries(labels)) {
        expect(key).toMatch(QUALIFIED_KEY);
        expect(value === '' || LABEL_VALUE.test(value)).toBe(true);
      }
    });

    test('Kubernetes annotations parse back to the cleaned values; no line starts a workflow command', () => {
      const annotations = parseYaml(sinks.annotations) as Record<string, string>;
      for (const [key, value] of Object.entries(annotations)) {
        expect(key).toMatch(QUALIFIED_KEY);
        expect(typeof value).toBe('string');
      }
      if (text) expect(annotations['deploy.trunk-actions.dev/version']).toBe(cleanValue(text, 4096));
      for (const line of sinks.annotations.split('\n')) expect(line).toMatch(/^[a-z0-9./-]+: "/);
    });

    test('OTel attributes: baggage octets only, each value decodes to the cleaned text', () => {
      for (const item of sinks.otelResourceAttributes.split(',')) {
        const [key, value, ...rest] = item.split('=');
        expect(rest).toEqual([]);
        expect(value).toMatch(BAGGAGE_OCTETS);
        if (key === 'service.version') expect(decodeURIComponent(value!)).toBe(cleanValue(text));
      }
    });

    test('dotenv: one NAME=value line per variable, read back as written', () => {
      const lines = sinks.dotenv.trimEnd().split('\n');
      expect(lines).toHaveLength(sinks.variables.length);
      for (const line of lines) expect(line).toMatch(/^[A-Z_]+=/);
      const parsed = parseEnv(sinks.dotenv);
      for (const [k, v] of sinks.variables) {
        const hasAllQuotes = v.includes("'") && /["\\$`]/.test(v);
        expect(parsed[k]).toBe(hasAllQuotes ? v.replace(/'/g, '\u2019') : v);
      }
    });
  },
);

describe('encoders (properties)', () => {
  test('labelValue always gives a valid label value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const v = labelValue(s);
        return v === '' || LABEL_VALUE.test(v);
      }),
    );
  });

  test('encodeAttribute round-trips cleaned text and uses baggage octets only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const encoded = encodeAttribute(s);
        return (
          BAGGAGE_OCTETS.test(encoded) &&
          !/[,=]/.test(encoded) &&
          decodeURIComponent(encoded) === cleanValue(s)
        );
      }),
    );
  });

  test('dotenvValue reads back in Node (single line, no expansion)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (s) => {
        const value = cleanValue(s, Infinity);
        const parsed = parseEnv(dotenv([['V', s]])).V ?? '';
        const expected = value.includes("'") && /["\\$`]/.test(value) ? value.replace(/'/g, '\u2019') : value;
        // Node's parser trims surrounding spaces of bare values; bare values never contain spaces.
        return parsed === expected && !dotenvValue(s).includes('\n');
      }),
    );
  });
});
