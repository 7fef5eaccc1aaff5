import { MadeId, detach, idMaker } from './identity.js';

/**
 * A streaming JUnit XML reader for every common dialect. It decodes by BOM and XML declaration
 * (UTF-8, UTF-16 LE/BE, ISO-8859-1), refuses DOCTYPE (so no entity can expand), caps size, nesting
 * and kept text, and never keeps `system-out`/`system-err`. Retries are read in all their shapes:
 * Surefire/Gradle `flakyFailure`/`flakyError` (failed, then passed) and `rerunFailure`/`rerunError`
 * (failed again), several `failure` elements in one testcase, and duplicate testcase entries
 * (gotestsum `--rerun-fails`), which the caller folds by id.
 *
 * Playwright's report is known by the `id` attribute of its root `<testsuites>` (no other reporter
 * writes one there); its testsuites carry the project in `hostname`, which becomes part of each
 * test's id. Elsewhere `hostname` is the machine's name and is ignored.
 */

export interface FailureDetail {
  message: string;
  type: string;
  /** The failure element's text (stack trace), cut at MAX_FAILURE_TEXT. Never system-out. */
  text: string;
}

/** One testcase element, after its children were read. */
export interface ParsedCase {
  id: string;
  /** historyKey(id): how the history knows the test. */
  key: string;
  file?: string;
  line?: number;
  /** Attempts that passed (0 or 1 per element). */
  passes: number;
  /** Attempts that failed: the final failure plus retry elements. */
  failures: number;
  skipped: boolean;
  failure?: FailureDetail;
}

/** A parsed testcase; its id is joined when read (see MadeId). */
class Case extends MadeId implements ParsedCase {
  // Set on failed cases only: a passing case holds no slots for them.
  declare file?: string;
  declare line?: number;
  declare failure?: FailureDetail;

  constructor(
    made: MadeId,
    public passes: number,
    public failures: number,
    public skipped: boolean,
  ) {
    super(made.head, made.tail, made.key);
  }
}

/** An error of a whole suite (setup, collection, build), attributed to no test: it blocks. */
export interface SuiteError {
  suite: string;
  message: string;
}

export interface ParsedReport {
  cases: ParsedCase[];
  suiteErrors: SuiteError[];
}

export interface ParseLimits {
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxBytes: 256 * 1024 * 1024, maxDepth: 64 };
const MAX_FAILURE_TEXT = 8 * 1024;
const MAX_MESSAGE = 1024;

/** A report that cannot be read: the reason is one sentence for `report-errors`. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

const LATIN1_NAMES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii']);

/** Picks the decoding from the first bytes: BOM, then UTF-16 without BOM, then the declaration. */
export function sniffEncoding(head: Uint8Array): Encoding {
  if (head.length === 0) throw new ReportError('the file is empty');
  if (head[0] === 0x1f && head[1] === 0x8b)
    throw new ReportError('the file is gzip-compressed; decompress it before reading (gunzip)');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c) return 'utf-16be';
  const declaration = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    Buffer.from(head.subarray(0, 200)).toString('latin1'),
  );
  const declared = declaration?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8') return 'utf-8';
  if (LATIN1_NAMES.has(declared)) return 'latin1';
  if (declared === 'utf-16') throw new ReportError('the file declares UTF-16 but has no byte order mark');
  throw new ReportError(
    `the file declares encoding "${declared.slice(0, 40)}"; UTF-8, UTF-16 and ISO-8859-1 are read`,
  );
}

/** Incremental text decoding; ISO-8859-1 maps each byte to its code point (TextDecoder would use windows-1252). */
function decoder(encoding: Encoding): (chunk: Uint8Array, last: boolean) => string {
  if (encoding === 'latin1')
    return (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
  const text = new TextDecoder(encoding);
  return (chunk, last) => text.decode(chunk, { stream: !last });
}

interface OpenCase {
  name: string;
  classname: string;
  project?: string;
  file?: string;
  line?: number;
  failureElements: number;
  retryFailures: number;
  finalFailed: boolean;
  skipped: boolean;
  failure?: FailureDetail;
}

interface OpenSuite {
  name: string;
  file?: string;
  /** The Playwright project of this suite (its `hostname`), in a Playwright report only. */
  project?: string;
}

const FAILURES = new Set(['failure', 'error']);
/** Elements that record one failed attempt: the final failure, or a retry (Surefire, Gradle, Playwright). */
const FAILED_ATTEMPTS = new Set([
  'failure',
  'error',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
]);

/**
 * Reads one report from its byte chunks. Throws ReportError (with where it went wrong) for anything
 * that is not a complete JUnit document; a report is never read as partly passed.
 */
export async function parseReport(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { workspace?: string; limits?: ParseLimits } = {},
): Promise<ParsedReport> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const makeId = idMaker(options.workspace ?? '');
  const cases: ParsedCase[] = [];
  const suiteErrors: SuiteError[] = [];
  const suites: OpenSuite[] = [];
  // Loaded with the first report, after the step's first output: a quarter of the bundle otherwise.
  const { SaxesParser } = await import('saxes');
  // Positions off: saxes is a third faster without them; errors name the byte range instead.
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let root: string | undefined;
  let playwright = false;
  let current: OpenCase | undefined;
  let caseDepth = 0;
  // Inside system-out/system-err (also nested in Surefire retry elements): text is never kept.
  let outputDepth = 0;
  // Text is kept only inside a failure-like element, and only up to a bound.
  let capture: { text: string; target: 'case' | 'suite'; message: string; type: string } | undefined;
  let bytes = 0;
  let chunkStart = 0;

  const fail = (why: string): never => {
    throw new ReportError(`${why} (in bytes ${chunkStart}-${bytes})`);
  };

  parser.on('doctype', () => fail('DOCTYPE is not allowed in a JUnit report (entities could expand)'));
  parser.on('error', (error) => fail(`not well-formed XML: ${error.message.replace(/^.*?:\d+:\d+: /, '')}`));
  parser.on('opentag', (tag) => {
    if (++depth > limits.maxDepth) fail(`elements nest deeper than ${limits.maxDepth}`);
    const a = tag.attributes;
    if (root === undefined) {
      root = tag.name;
      if (root !== 'testsuites' && root !== 'testsuite') {
        fail(
          `the root element is <${root.slice(0, 40)}>, not <testsuites> or <testsuite>: not a JUnit report`,
        );
      }
      playwright = root === 'testsuites' && a.id !== undefined;
    }
    switch (tag.name) {
      case 'system-out':
      case 'system-err':
        outputDepth++;
        return;
      case 'testsuite':
        suites.push({
          name: a.name ?? '',
          file: a.file ?? a.filepath ?? suites.at(-1)?.file,
          project: playwright && a.hostname ? a.hostname : undefined,
        });
        return;
      case 'testcase': {
        const suite = suites.at(-1);
        // Playwright names the spec file both as the suite and as the classname of its tests.
        const project =
          suite?.project !== undefined && a.classname === suite.name ? suite.project : undefined;
        // With includeProjectInTestName the name starts `[project] `: the id is the same either way.
        const prefix = project && `[${project}] `;
        current = {
          name: (prefix && a.name?.startsWith(prefix) ? a.name.slice(prefix.length) : a.name) ?? '',
          classname: a.classname ?? a.class ?? '',
          project,
          file: a.file ?? a.filepath ?? suites.at(-1)?.file,
          line: a.line && /^\d+$/.test(a.line) ? Number(a.line) : undefined,
          failureElements: 0,
          retryFailures: 0,
          finalFailed: false,
          skipped: false,
        };
        caseDepth = depth;
        return;
      }
    }
    const inCase = current !== undefined && depth === caseDepth + 1;
    if (inCase && FAILED_ATTEMPTS.has(tag.name)) {
      // Each extra <failure> is a retry that failed; an <error> beside a failure (teardown) is the same attempt.
      if (tag.name === 'failure') current!.failureElements++;
      else if (!FAILURES.has(tag.name)) current!.retryFailures++;
      if (FAILURES.has(tag.name)) current!.finalFailed = true;
      if (!current!.failure)
        capture = { text: '', target: 'case', message: a.message ?? '', type: a.type ?? tag.name };
    } else if (inCase && tag.name === 'skipped') {
      current!.skipped = true;
    } else if (!current && suites.length > 0 && FAILURES.has(tag.name)) {
      capture = { text: '', target: 'suite', message: a.message ?? '', type: a.type ?? tag.name };
    }
  });
  const onText = (text: string) => {
    if (capture && outputDepth === 0 && capture.text.length < MAX_FAILURE_TEXT) capture.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    depth--;
    if (tag.name === 'system-out' || tag.name === 'system-err') outputDepth--;
    if (capture && FAILED_ATTEMPTS.has(tag.name)) {
      // Detached: a kept failure must not keep its parser chunk alive (see identity.ts).
      const detail = {
        message: detach(capture.message.slice(0, MAX_MESSAGE)),
        type: detach(capture.type.slice(0, 200)),
        text: detach(capture.text.trim().slice(0, MAX_FAILURE_TEXT)),
      };
      if (capture.target === 'case' && current) current.failure = detail;
      else if (capture.target === 'suite') {
        suiteErrors.push({
          suite: detach(suites.at(-1)?.name ?? ''),
          message: detail.message || detail.text.split('\n')[0] || detail.type,
        });
      }
      capture = undefined;
    } else if (tag.name === 'testsuite') suites.pop();
    else if (tag.name === 'testcase' && current) {
      finishCase(current);
      current = undefined;
    }
  });

  const suitePath = () => suites.map((s) => s.name);
  function finishCase(c: OpenCase): void {
    if (!c.name) {
      // A testcase without a name is how several reporters write a suite that could not run.
      if (c.finalFailed)
        suiteErrors.push({
          suite: detach(c.classname) || suitePath().join(' / '),
          message: c.failure?.message || 'failed',
        });
      return;
    }
    const passes = !c.finalFailed && !c.skipped ? 1 : 0;
    const failures = c.retryFailures + (c.failureElements || (c.finalFailed ? 1 : 0));
    // The open case is its own key unless the suites stand in for a missing classname.
    const made = makeId(c.classname ? c : { ...c, suitePath: suitePath() });
    const parsed = new Case(made, passes, failures, failures ? false : c.skipped);
    // Where a test lives is kept only for failures (annotations, issues): 330,000 passing cases stay small.
    if (failures) {
      parsed.file = c.file && detach(c.file);
      parsed.line = c.line;
      parsed.failure = c.failure;
    }
    cases.push(parsed);
  }

  let decode: ((chunk: Uint8Array, last: boolean) => string) | undefined;
  let sawContent = false;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    chunkStart = bytes;
    bytes += chunk.length;
    if (bytes > limits.maxBytes) throw new ReportError(`the file is larger than ${limits.maxBytes} bytes`);
    decode ??= decoder(sniffEncoding(chunk));
    let text = decode(chunk, false);
    if (!sawContent) {
      text = text.replace(/^\uFEFF/, '');
      const start = text.trimStart();
      if (start) {
        sawContent = true;
        if (/^<(!doctype\s+html|html[\s>])/i.test(start))
          throw new ReportError(
            'the file is an HTML page, not a JUnit report (an error page saved in its place?)',
          );
        if (!start.startsWith('<'))
          throw new ReportError('the file does not start with XML: not a JUnit report');
      }
    }
    parser.write(text);
  }
  if (decode) parser.write(decode(new Uint8Array(0), true));
  if (!sawContent) throw new ReportError('the file is empty');
  parser.close();
  if (root === undefined) throw new ReportError('the file has no root element: not a JUnit report');
  return { cases, suiteErrors };
}
