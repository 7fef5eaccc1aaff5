/**
 * The one redaction of text that leaves an action: issue bodies and comments, job summaries,
 * annotations, logs, tag messages, deployment payloads and commit comments. The runner masks
 * `add-mask` values in the log only; everything else is public and unmasked, so it goes through here.
 *
 * Two layers: values this run masked (its own token, secret inputs), removed literally and in their
 * common encodings; and secrets recognisable by their format, whoever leaked them. Every pattern is
 * linear (no nested quantifiers), so hostile text cannot make redaction slow, and none ends inside a
 * backslash escape, so redacted JSON (a tag message holding a record) is still JSON.
 */

const MASK = '***';

/** Secrets recognisable by their shape. Replacements keep the name or scheme, so the text stays readable. */
const PATTERNS: ReadonlyArray<[RegExp, string | ((...groups: string[]) => string)]> = [
  // PEM private keys (RSA, EC, OpenSSH, PKCS#8, encrypted), whole or cut short.
  [
    /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)(?:[A-Za-z0-9+/=\s]|\\[nr]|[A-Za-z-]+:[^\r\n"\\]*)+(?:-----END [A-Z0-9 ]*PRIVATE KEY-----)?/g,
    `$1${MASK}`,
  ],
  // URL credentials: everything between "scheme://user:" and the last "@" before the host, so a
  // password holding "@" is removed whole.
  [
    /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s/:@'"<>]*):([^\s/'"<>]*)@(?=[^\s/@'"<>]*(?:[/\s?#'"<>]|$))/gi,
    `$1$2:${MASK}@`,
  ],
  // Authorization headers: the scheme stays (Bearer, Basic, token), the credential goes.
  [
    /\b((?:proxy-)?authorization["']?[^\S\r\n]*[:=][^\S\r\n]*["']?)(?:(aws4-hmac-sha256)[^\S\r\n]+[^\r\n"'\\]*|(?:(bearer|basic|token|digest|bot|negotiate|ntlm)[^\S\r\n]+)?[^\s"'<>\\,{}[\]]+)/gi,
    (_, head: string, aws?: string, scheme?: string) =>
      `${head}${aws || scheme ? `${aws ?? scheme} ` : ''}${MASK}`,
  ],
  // A bare Bearer or Basic credential (not "basic authentication"): it has a digit or mixed case.
  [
    /\b(bearer|basic)[^\S\r\n]+([A-Za-z0-9._~+/-]{8,}=*)/gi,
    (whole: string, scheme: string, value: string) =>
      /\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)) ? `${scheme} ${MASK}` : whole,
  ],
  // name = value assignments in URLs, connection strings, env files, JSON, YAML and code. The name
  // ends in a secret word; the value is quoted (kept quoted) or runs to a separator.
  [
    /((["']?)(?<![\w.-])[\w.-]*?(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|accountkey|sharedaccesskey|credentials?)\2[^\S\r\n]*(?::=|=>|[:=])[^\S\r\n]*)(?:(")(?:[^"\\\r\n]|\\.)*"|(')[^'\r\n]*'|(?!["'])[^\s&;,'"<>{}[\]()\\]+)/gi,
    (_, head: string, _key: string, double?: string, single?: string) =>
      `${head}${double ?? single ?? ''}${MASK}${double ?? single ?? ''}`,
  ],
  // SQL: CREATE/ALTER ROLE ... PASSWORD 'x'.
  [/\b(PASSWORD\s+)'(?:[^']|'')*'/gi, `$1'${MASK}'`],
  // Signed URLs: AWS, Google and Azure signatures and credentials in query strings.
  [
    /([?&](?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)=)[^&\s'"<>#]+/gi,
    `$1${MASK}`,
  ],
  // Slack incoming webhooks and workflow triggers.
  [/(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9_/-]+/g, `$1${MASK}`],
  // Token formats with a fixed prefix.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, MASK], // JWT (JWS)
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})\b/g, MASK], // GitHub
  [/\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g, MASK], // AWS key ids
  [/\bxox[abposre]-[A-Za-z0-9-]{10,}/g, MASK], // Slack bot, user, app-level refresh tokens
  [/\bxapp-\d-[A-Za-z0-9-]{10,}/g, MASK], // Slack app-level tokens
  [/\bAIza[0-9A-Za-z_-]{35}/g, MASK], // Google API keys
  [/\bya29\.[0-9A-Za-z_-]{20,}/g, MASK], // Google OAuth access tokens
  [/\bGOCSPX-[0-9A-Za-z_-]{20,}/g, MASK], // Google OAuth client secrets
  [/\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,}/g, MASK], // Stripe keys
  [/\bwhsec_[0-9A-Za-z+/=]{20,}/g, MASK], // Stripe webhook secrets
  [/\bnpm_[A-Za-z0-9]{36}\b/g, MASK], // npm tokens
  [/\bglpat-[A-Za-z0-9_-]{20,}/g, MASK], // GitLab personal access tokens
  [/\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, MASK], // SendGrid
  // A bare AWS secret access key: 40 characters of base64 with upper, lower and a digit. Git SHAs
  // (hex, lower case), UUIDs and paths (followed by "." or holding many "/") do not qualify.
  [
    /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=.])/g,
    (key: string) =>
      /[A-Z]/.test(key) && /[a-z]/.test(key) && /\d/.test(key) && (key.match(/\//g)?.length ?? 0) <= 3
        ? MASK
        : key,
  ],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shorter masked values are not secrets worth destroying text for ("on", "1", "id"). */
const MIN_MASKED_LENGTH = 3;

/** Texts a Redactor remembers the redaction of: short ones (names, paths, reasons), a bounded number. */
const MAX_REMEMBERED_LENGTH = 512;
const MAX_REMEMBERED = 100_000;

/**
 * Text that any of PATTERNS can match holds one of these: a scheme's `://`, a PEM dash run, a word
 * an assignment's name or a header ends in, a signed URL's parameter, a fixed prefix, the run of an
 * AWS key id or secret key (`hasKeyRun`), or `bearer` or `basic` with the space after it (or the tab,
 * form feed or vertical tab as JSON escapes them: `examples/basics` is no credential). Most text
 * holds none (names, paths, reasons, summaries, log lines), and one test is far cheaper than all the
 * patterns, which outputs of thousands of strings pay for each string and a 50 KB summary for its
 * length. A separator such as `:` or `=` alone is not enough: every pattern that needs one also needs
 * a word here. A new pattern adds its necessary text here.
 */
const MAY_HOLD_SECRET =
  /:\/\/|-----|authori[sz]ation|passw|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|accountkey|credential|[?&](?:sig|x-amz-|x-goog-)|(?:bearer|basic)(?:[^\S\r\n]|\\[tf]|\\u000b)|eyJ|gh[pousr]_|github_pat_|xox|xapp-|AIza|ya29\.|GOCSPX-|_live_|_test_|whsec_|npm_|glpat-|SG\./i;

/**
 * The rest of that test, what the two AWS patterns need, counted in one pass: 20 characters of
 * `[A-Z0-9]` in a row (a key id), or a run of at least 40 key characters `[A-Za-z0-9/+]` holding an
 * upper-case letter, a lower-case one and a digit (a secret key; at least, as in JSON text an escape
 * before it adds its letters to the run). Paths of long words, SHAs (lower-case hex) and UUIDs hold
 * neither; a run of any 20 key characters, tested before, made most paths run every pattern.
 */
function hasKeyRun(text: string): boolean {
  // kinds: bits of the run's upper-case letters (1), lower-case (2), digits (4)
  for (let i = 0, run = 0, caps = 0, kinds = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : c >= 48 && c <= 57 ? 4 : 0;
    if (!kind && c !== 47 && c !== 43) {
      run = caps = kinds = 0;
      continue;
    }
    kinds |= kind;
    caps = kind === 2 || !kind ? 0 : caps + 1; // [A-Z0-9]
    if (caps === 20 || (++run >= 40 && kinds === 7)) return true;
  }
  return false;
}

/** False when no pattern of PATTERNS can match `text`: most text, tested far faster than by them all. */
const mayHoldSecret = (text: string): boolean => MAY_HOLD_SECRET.test(text) || hasKeyRun(text);

/**
 * The secret parts of a URL's credentials (`scheme://user:password@host`): user and password, as
 * written and percent-decoded, for masking. The address itself is no secret and helps read the log.
 * A password may hold `@`: the credentials end at the last `@` before the path.
 */
export function urlCredentials(url: string): string[] {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url.trim())?.[1];
  if (!userinfo) return [];
  const colon = userinfo.indexOf(':');
  const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  // a `%` not starting an escape is itself: decode it as %25 so decoding cannot throw
  const decode = (part: string) => decodeURIComponent(part.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  return [...new Set(parts.filter(Boolean).flatMap((part) => [part, decode(part)]))];
}

/** Removes secrets recognisable by their format (no masked values): for pure functions' output. */
export function redactSecrets(text: string): string {
  if (!mayHoldSecret(text)) return text;
  let out = text;
  for (const [pattern, replacement] of PATTERNS)
    out = out.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
  return out;
}

/**
 * Redaction for one run: the values it masks (and their base64, URL and JSON encodings) plus every
 * secret format above. `add` is what `setSecret` calls; `redact` what every outgoing text passes.
 */
export class Redactor {
  private readonly masked = new Set<string>();
  private pattern: RegExp | undefined;
  /** The masked values as JSON writes them inside a string (see `redactJson`). */
  private jsonPattern: RegExp | undefined;
  /**
   * Short texts already redacted with the current masked values: outputs repeat each project's
   * name, path and reason in several outputs, and thousands of projects made redaction a tenth of a run.
   */
  private readonly done = new Map<string, string>();

  add(value: string): void {
    if (value.length < MIN_MASKED_LENGTH) return;
    const before = this.masked.size;
    for (const form of [
      value,
      ...value.split(/\r?\n/).filter((line) => line.trim().length >= MIN_MASKED_LENGTH),
      Buffer.from(value).toString('base64'),
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
    ])
      this.masked.add(form);
    if (this.masked.size !== before) {
      this.pattern = undefined;
      this.jsonPattern = undefined;
      this.done.clear();
    }
  }

  redact(text: string): string {
    const known = this.done.get(text);
    if (known !== undefined) return known;
    const out = this.redactNew(text);
    if (text.length <= MAX_REMEMBERED_LENGTH && this.done.size < MAX_REMEMBERED) this.done.set(text, out);
    return out;
  }

  /**
   * JSON data and its text (`JSON.stringify(value)`) with every string of the value redacted, as
   * `redactDeep` does. The text is tested first: redaction can change a string only when it holds a
   * masked value or passes the test of `mayHoldSecret`, and the text shows both, as JSON.stringify
   * changes only `"`, backslashes, control characters and lone surrogates, which no secret word or
   * key run holds; a masked value is looked for as JSON writes it. A text holding neither (most
   * outputs: names, paths, reasons) is kept without walking the value, which thousands of matrix
   * entries made a tenth of a run. Tested on every call: the value as it is now, nothing remembered.
   */
  redactJson<T>(value: T, json: string): { value: T; json: string } {
    if (!this.jsonMayChange(json)) return { value, json };
    const safe = redactDeep(value, (text) => this.redact(text));
    return { value: safe, json: safe === value ? json : JSON.stringify(safe) };
  }

  private jsonMayChange(json: string): boolean {
    if (this.masked.size) {
      // Every masked form is well-formed text (`add` fails on a lone surrogate, in
      // encodeURIComponent), which JSON escapes character by character: a string holding one holds
      // it escaped in the text.
      this.jsonPattern ??= new RegExp(
        [...this.masked].map((form) => escapeRegExp(JSON.stringify(form).slice(1, -1))).join('|'),
      );
      if (this.jsonPattern.test(json)) return true;
    }
    return mayHoldSecret(json);
  }

  private redactNew(text: string): string {
    if (this.masked.size) {
      // Longest first, so a value containing another is removed whole.
      this.pattern ??= new RegExp(
        [...this.masked]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      text = text.replace(this.pattern, MASK);
    }
    return redactSecrets(text);
  }
}

/**
 * JSON-like data with every string passed through `redact` (payloads, request bodies, outputs): a
 * copy where anything changed, the value itself where nothing did, so an output of thousands of
 * clean matrix entries is not rebuilt. Every call walks the whole value: an object seen clean
 * before may have changed since (the per-string memo of Redactor keeps the walk cheap).
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const safe = redactDeep(value[i] as unknown, redact);
      if (safe !== value[i]) (copy ??= value.slice())[i] = safe;
    }
    if (copy) return copy as T;
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = 0; i < keys.length; i++) {
      const safe = redactDeep(record[keys[i]!], redact);
      if (safe === record[keys[i]!]) continue;
      // the first change: a copy, by fromEntries so that a "__proto__" key stays a key
      return Object.fromEntries(
        keys.map((key, k) => [key, k < i ? record[key] : k === i ? safe : redactDeep(record[key], redact)]),
      ) as T;
    }
  }
  return value;
}
