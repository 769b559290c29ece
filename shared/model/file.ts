// Reading and writing topology files. A file that fails is never half-loaded: the caller gets
// either a whole valid document or a list of errors, each with the path a person can find. The
// loader is total: whatever the bytes, it returns a value with a code and a message (nothing it
// does recurses over the input, and no message quotes the file beyond a shortened value).
import { z } from 'zod';
import { DocumentSchema, FORMAT_VERSION, type TopologyDocument } from './document';
import type { MigrationResult } from './migrations';
import { FORBIDDEN_KEYS, MAX_DEPTH, scanJson, type JsonPath, type TextPosition } from './json-scan';
import { escapeUnsafe, QUOTE_MAX, quoteValue, shorten } from './quote';
import { decodeUtf8, utf8ByteLength } from './utf8';

/**
 * The largest file the app reads and writes (and the IPC carries), in bytes of UTF-8. Every
 * document that loads also saves: one whose canonical text would be larger is refused on load.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileErrorCode =
  | 'FILE_TOO_LARGE'
  | 'NOT_TEXT'
  | 'NOT_JSON'
  | 'TOO_DEEP'
  | 'FORBIDDEN_KEY'
  | 'DUPLICATE_KEY'
  | 'NOT_A_TOPOLOGY'
  | 'NEWER_FORMAT'
  | 'UNKNOWN_FORMAT'
  | 'INVALID_DOCUMENT'
  | 'DOCUMENT_TOO_LARGE';

export interface FileError {
  /** Where in the document, e.g. `tunnels[3].a.proxyIds[1].local`; empty for the whole file. */
  path: string;
  message: string;
  /** Where in the file's text, when the error is about the text itself (from 1). */
  line?: number;
  column?: number;
}

export type LoadFailure = { ok: false; code: FileErrorCode; summary: string; errors: FileError[] };
export type LoadResult = { ok: true; document: TopologyDocument; migratedFrom?: number } | LoadFailure;

/** Fields whose value is key material: a message about them never quotes the value. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['psk']);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const key = String(p);
      if (!IDENTIFIER.test(key) || key.length > QUOTE_MAX) out += `[${quoteValue(key)}]`;
      else out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** A failure lists this many errors at most (the summary gives the count): a person fixes the first ones first. */
export const MAX_LISTED_ERRORS = 100;

function failure(code: FileErrorCode, summary: string, errors: FileError[]): LoadFailure {
  if (errors.length <= MAX_LISTED_ERRORS) return { ok: false, code, summary, errors };
  const more = errors.length - MAX_LISTED_ERRORS;
  return { ok: false, code, summary, errors: [...errors.slice(0, MAX_LISTED_ERRORS), { path: '', message: `… and ${more} more error${more === 1 ? '' : 's'}` }] };
}

// ---- zod issues in a person's terms --------------------------------------------------------

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else return s;
  }
}

/** The schema that validates the value at `path`, where one can be named. */
function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s = unwrap(root);
  for (const p of path) {
    if (s instanceof z.ZodObject) {
      const next = (s.shape as Record<string, z.ZodType | undefined>)[String(p)];
      if (!next) return undefined;
      s = unwrap(next);
    } else if (s instanceof z.ZodArray) s = unwrap(s.element as z.ZodType);
    else return undefined;
  }
  return s;
}

/** A bound zod keeps for integers (the safe-integer range) is not one a person set. */
const realBound = (v: number | null | undefined): number | undefined => (v === null || v === undefined || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v);

/** A number as the person would write it: 1e308, not 1e+308. */
function numberText(n: number): string {
  return String(n).replace('e+', 'e');
}

function literalText(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function numberExpectation(s: z.ZodNumber): string {
  const min = realBound(s.minValue);
  const max = realBound(s.maxValue);
  const what = s.isInt ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`;
  if (min !== undefined) return `${what} of at least ${min}`;
  if (max !== undefined) return `${what} of at most ${max}`;
  return what;
}

/** What a schema accepts, in a person's words ("a whole number from 60 to 31536000"). */
function expectation(s: z.ZodType | undefined): string | undefined {
  if (!s) return undefined;
  if (s instanceof z.ZodNumber) return numberExpectation(s);
  if (s instanceof z.ZodString) return 'text';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodArray) return 'a list';
  if (s instanceof z.ZodObject) return 'an object';
  if (s instanceof z.ZodEnum) return `one of ${s.options.map(literalText).join(', ')}`;
  if (s instanceof z.ZodLiteral) {
    const values = [...s.values];
    return values.length === 1 ? literalText(values[0]) : `one of ${values.map(literalText).join(', ')}`;
  }
  if (s instanceof z.ZodUnion) {
    const options = s.options as readonly z.ZodType[];
    const literals = options.map(unwrap).filter((o): o is z.ZodLiteral => o instanceof z.ZodLiteral);
    if (literals.length === options.length) return `one of ${literals.flatMap((l) => [...l.values]).map(literalText).join(', ')}`;
    const parts = options.map((o) => expectation(unwrap(o)));
    return parts.every((p) => p !== undefined) ? parts.join(', or ') : undefined;
  }
  return undefined;
}

const ZOD_TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function typeWords(expected: string): string {
  return ZOD_TYPE_WORDS[expected] ?? `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

/** What was found instead, without quoting a secret. */
function found(input: unknown, secret: boolean): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return secret ? 'other text' : quoteValue(input);
    case 'number':
      return secret ? 'a number' : numberText(input);
    case 'boolean':
      return String(input);
    case 'object':
      return 'an object';
    default:
      return typeof input;
  }
}

/** zod's own wording (as opposed to a message written in the schema, which is kept). */
const ZOD_DEFAULT_MESSAGE = /^(Too (big|small):|Invalid (input|option|string|key|element|type)\b|Unrecognized key)/;

type Issue = z.core.$ZodIssue & { input?: unknown };

function hasInput(issue: Issue): boolean {
  return 'input' in issue && issue.input !== undefined;
}

function issueMessage(issue: Issue, schema: z.ZodType | undefined, secret: boolean): string {
  const input = issue.input;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 5).map((k) => quoteValue(k));
    const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${more}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
  }
  // A length limit: however the field words it, say how long the value is and what is allowed
  // (never the value itself, which may be a megabyte).
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const length = typeof input === 'string' ? [...input].length : undefined;
    return `is ${length ?? 'too many'} characters long; at most ${Number((issue as { maximum: number | bigint }).maximum)} are allowed: shorten it`;
  }
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union': {
      const exp = expectation(schema)
        ?? (issue.code === 'invalid_type' ? typeWords(issue.expected) : issue.code === 'invalid_value' ? `one of ${issue.values.map(literalText).join(', ')}` : 'a valid value');
      if (!hasInput(issue)) return `is missing: it must be ${exp}`;
      if (input === Infinity || input === -Infinity) return `is a number too large to be represented: it must be ${exp}`;
      if (typeof input === 'number' && Number.isNaN(input)) return `is not a number: it must be ${exp}`;
      return `must be ${exp}, not ${found(input, secret)}`;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? (issue as { maximum: number | bigint }).maximum : (issue as { minimum: number | bigint }).minimum);
      if (issue.origin === 'number' || issue.origin === 'int') {
        const shown = typeof input === 'number' && !secret ? numberText(input) : 'the value';
        if (issue.origin === 'int') {
          // The safe-integer range, not a limit of the field: name the field's own.
          const exp = schema instanceof z.ZodNumber ? numberExpectation(schema) : 'a whole number';
          return `${shown} is too ${big ? 'large' : 'small'}: it must be ${exp} with at most 15 digits`;
        }
        return `${shown} is ${big ? 'above the maximum' : 'below the minimum'} ${numberText(limit)}`;
      }
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? [...input].length : undefined;
        return big
          ? `is ${length ?? 'too many'} characters long; at most ${limit} are allowed: shorten it`
          : `must have at least ${limit} character${limit === 1 ? '' : 's'}`;
      }
      if (issue.origin === 'array') return `must have ${big ? 'at most' : 'at least'} ${limit} item${limit === 1 ? '' : 's'}`;
      return issue.message;
    }
    default:
      return issue.message;
  }
}

/** A message with the offending value shortened (or, for a secret, left out) wherever it is quoted. */
function sanitize(message: string, input: unknown, secret: boolean): string {
  let m = message;
  if (secret) {
    // Whatever a rule for a key field quotes is the key: nothing in quotes survives, nor the key itself.
    m = m.replace(/"(?:[^"\\]|\\.)*"/g, '(value hidden)');
    if (typeof input === 'string' && input.length >= 4) m = m.split(input).join('(value hidden)');
  } else if (typeof input === 'string' && input !== '') {
    if (input.length > QUOTE_MAX || escapeUnsafe(input) !== input) {
      m = m.split(`"${input}"`).join(quoteValue(input)).split(input).join(escapeUnsafe(shorten(input)));
    }
  }
  return shorten(escapeUnsafe(m), 500);
}

/**
 * zod's issues as errors a person can act on: paths in the file's own format version, limits in
 * the field's terms, values shortened and escaped, secrets never quoted.
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], options: { schema?: z.ZodType; formatVersion?: number; pathInFormat?: (path: readonly PropertyKey[], version: number) => PropertyKey[] } = {}): FileError[] {
  const root = options.schema ?? DocumentSchema;
  const version = options.formatVersion ?? FORMAT_VERSION;
  const inFormat = options.pathInFormat ?? ((path: readonly PropertyKey[]) => [...path]);
  const pathKey = (i: z.core.$ZodIssue) => JSON.stringify(i.path);
  const perPath = new Map<string, number>();
  for (const i of issues) perPath.set(pathKey(i), (perPath.get(pathKey(i)) ?? 0) + 1);
  return issues
    // zod adds its safe-integer bound next to the field's own: keep the field's.
    .filter((i) => !((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'int' && (perPath.get(pathKey(i)) ?? 0) > 1))
    .map((issue: Issue) => {
      const last = issue.path[issue.path.length - 1];
      const secret = typeof last === 'string' && SECRET_FIELDS.has(last);
      const message = sanitize(issueMessage(issue, schemaAt(root, issue.path), secret), issue.input, secret);
      return { path: formatPath(inFormat(issue.path, version)), message };
    });
}

/** Text of an error list for a dialog or the command line: one line per error, path first. */
export function describeErrors(errors: readonly FileError[], max = 20): string {
  const lines = errors.slice(0, max).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('\n');
}

// ---- shape checks that need no schema ------------------------------------------------------

const at = (p: TextPosition) => ({ line: p.line, column: p.column });

function forbiddenKeyFailure(found: { path: JsonPath; key: string; at?: TextPosition }[]): LoadFailure {
  return failure(
    'FORBIDDEN_KEY',
    'This file contains a key that is never part of a topology; it was not loaded.',
    found.map((f) => ({
      path: formatPath(f.path),
      message: `the key ${quoteValue(f.key)} is not allowed in a topology file${f.at ? ` (line ${f.at.line})` : ''}: remove it`,
      ...(f.at ? at(f.at) : {}),
    })),
  );
}

function tooDeepFailure(path: JsonPath, position?: TextPosition): LoadFailure {
  return failure(
    'TOO_DEEP',
    `This file nests objects or lists more than ${MAX_DEPTH} levels deep, which no topology does; it is not an IPsec Studio topology and was not loaded.`,
    [{ path: formatPath(path), message: `nesting deeper than ${MAX_DEPTH} levels starts here${position ? ` (line ${position.line}, column ${position.column})` : ''}`, ...(position ? at(position) : {}) }],
  );
}

/**
 * Depth and forbidden keys of an already-parsed value (from IPC, a paste, a test), walked with
 * an explicit stack. A value that contains itself is refused as too deep.
 */
export function checkValueShape(raw: unknown): LoadFailure | undefined {
  const stack: { value: unknown; path: JsonPath }[] = [{ value: raw, path: [] }];
  const forbidden: { path: JsonPath; key: string }[] = [];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: JsonPath };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) return tooDeepFailure(path);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        if (forbidden.length < 50) forbidden.push({ path: [...path, key], key });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return forbidden.length > 0 ? forbiddenKeyFailure(forbidden) : undefined;
}

/** The failure for a file of `byteLength` bytes over MAX_FILE_BYTES (readers check the size before reading). */
export function fileTooLarge(byteLength: number): LoadFailure {
  return failure(
    'FILE_TOO_LARGE',
    `The file is ${mb(byteLength)}; topology files are at most ${MAX_FILE_BYTES / 1048576} MB. Is this the right file?`,
    [{ path: '', message: 'file too large' }],
  );
}

/**
 * JSON text to a value with every check that needs no schema: size, syntax (line and column,
 * never a quote of the text), depth, forbidden keys, duplicate keys. For files and pastes alike.
 * `byteLength` (of the file, in UTF-8) lets callers that read bytes refuse huge files before
 * decoding; without it, the text's own UTF-8 length counts.
 */
export function parseJsonText(text: string, byteLength?: number): { ok: true; value: unknown } | LoadFailure {
  if (byteLength !== undefined ? byteLength > MAX_FILE_BYTES : text.length > MAX_FILE_BYTES || utf8ByteLength(text) > MAX_FILE_BYTES) {
    return fileTooLarge(byteLength ?? utf8ByteLength(text));
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body);
  if (scan.syntax) {
    const { at: p, message } = scan.syntax;
    // Only where and what, never the text there: the file may not be a topology at all.
    return failure('NOT_JSON', 'This file is not valid JSON (is it truncated, or not a topology file?). Nothing was loaded.', [
      { path: '', message: `line ${p.line}, column ${p.column}: ${message}`, ...at(p) },
    ]);
  }
  if (scan.tooDeep) return tooDeepFailure(scan.tooDeep.path, scan.tooDeep.at);
  if (scan.forbidden.length > 0) return forbiddenKeyFailure(scan.forbidden);
  if (scan.duplicates.length > 0) {
    return failure(
      'DUPLICATE_KEY',
      'This file writes a field twice in the same object, so it is unclear which one counts; nothing was loaded. Keep one of them.',
      scan.duplicates.map((d) => ({
        path: formatPath(d.path),
        message: `the field ${quoteValue(d.key)} is written twice in this object (lines ${d.first.line} and ${d.at.line}): keep one`,
        ...at(d.at),
      })),
    );
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    // The scan accepts exactly what JSON.parse accepts; this is here so the loader stays total.
    return failure('NOT_JSON', 'This file is not valid JSON. Nothing was loaded.', [{ path: '', message: 'the JSON could not be read' }]);
  }
}

// ---- bytes ---------------------------------------------------------------------------------

export type DecodeResult = { ok: true; text: string } | LoadFailure;

/**
 * The one way file bytes become text, for the desktop and the command line alike: the size
 * limit before anything is decoded, a UTF-8 byte order mark dropped, and bytes that are not
 * UTF-8 refused (never replaced by U+FFFD, which would then be written into exports).
 */
export function decodeDocumentBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength > MAX_FILE_BYTES) return fileTooLarge(bytes.byteLength);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return failure('NOT_TEXT', 'This file is UTF-16 text; IPsec Studio reads topologies in UTF-8. Save it as UTF-8 and open it again.', [{ path: '', message: 'the file starts with a UTF-16 byte order mark' }]);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const r = decodeUtf8(bom ? bytes.subarray(bom) : bytes);
  if (!r.ok) {
    const offset = r.offset + bom;
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return failure('NOT_TEXT', 'This file is not UTF-8 text, so it cannot be an IPsec Studio topology. Nothing was loaded.', [
      { path: '', message: `byte ${offset + 1} (line ${line}) is not valid UTF-8`, line },
    ]);
  }
  return { ok: true, text: r.text };
}


// ---- a document format: loading and writing ------------------------------------------------

export type SerializeResult =
  | { ok: true; text: string; bytes: number; pretty: boolean }
  | { ok: false; code: 'DOCUMENT_TOO_LARGE'; message: string; bytes: number };

/**
 * What a topology file is beyond JSON: the full document schema and the migrations from earlier
 * format versions. The model knows the structure; which products exist and what their own
 * settings may hold is the vendors' to say, so shared/document/file.ts builds the format the
 * application uses, with the vendors' checks and migrations, through createDocumentFile.
 */
export interface DocumentFormat {
  schema: z.ZodType<TopologyDocument>;
  migrate: (doc: Record<string, unknown>, from: number) => MigrationResult;
  /** A path in the current format as a file of `version` names it. */
  pathInFormat: (path: readonly PropertyKey[], version: number) => PropertyKey[];
}

export interface DocumentFile {
  /** Validates an already-parsed value (from IPC, a paste, a test) as a current or older document. */
  loadDocumentValue(raw: unknown): LoadResult;
  /** Parses file text (see parseJsonText) and validates it as a current or older document. */
  loadDocumentText(text: string, byteLength?: number): LoadResult;
  /** Decodes and loads file bytes. */
  loadDocumentBytes(bytes: Uint8Array): LoadResult;
  /**
   * The file text: keys in the schema's order whatever order the objects were built in, so the
   * same topology always gives the same bytes and diffs in git stay small. Two-space indent and
   * a newline at the end when that fits in MAX_FILE_BYTES; otherwise the same JSON without
   * indentation (a 10,000-tunnel topology is ~3x larger indented). A document whose text would
   * still be too large is refused with a message, and nothing is written. A document that does
   * not validate is written as it is (callers validate first).
   */
  serializeDocumentForSave(doc: TopologyDocument): SerializeResult;
  /** The file text (see serializeDocumentForSave); a document too large to save gives its compact text, which the writer refuses. */
  serializeDocument(doc: TopologyDocument): string;
  /** issuesToErrors with this format's schema and paths. */
  issuesToErrors(issues: readonly z.core.$ZodIssue[], formatVersion?: number): FileError[];
}

const NOT_A_TOPOLOGY = 'This is JSON, but not an IPsec Studio topology.';

function documentTooLarge(bytes: number, when: 'load' | 'save'): LoadFailure {
  const limit = `${MAX_FILE_BYTES / 1048576} MB`;
  return failure(
    'DOCUMENT_TOO_LARGE',
    when === 'load'
      ? `This topology would take ${mb(bytes)} when saved; IPsec Studio saves topologies of at most ${limit}, so it was not opened. Split it into smaller topologies.`
      : `This topology takes ${mb(bytes)}; IPsec Studio saves topologies of at most ${limit}. Nothing was written and the document is unchanged: remove gateways or tunnels, or split it into smaller topologies.`,
    [{ path: '', message: `${mb(bytes)} is over the ${limit} limit` }],
  );
}

export function createDocumentFile(format: DocumentFormat): DocumentFile {
  const issues = (list: readonly z.core.$ZodIssue[], formatVersion = FORMAT_VERSION): FileError[] => issuesToErrors(list, { schema: format.schema, formatVersion, pathInFormat: format.pathInFormat });

  function validate(raw: unknown): LoadResult {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return failure('NOT_A_TOPOLOGY', NOT_A_TOPOLOGY, [{ path: '', message: 'the file must contain one JSON object with a "formatVersion" field' }]);
    }
    const version = (raw as Record<string, unknown>).formatVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return failure('NOT_A_TOPOLOGY', NOT_A_TOPOLOGY, [{ path: 'formatVersion', message: 'missing or not a whole number: an IPsec Studio file starts with "formatVersion"' }]);
    }
    if (version > FORMAT_VERSION) {
      return failure(
        'NEWER_FORMAT',
        `This file was written by a newer IPsec Studio (format ${numberText(version)}; this version reads up to ${FORMAT_VERSION}). Update IPsec Studio to open it.`,
        [{ path: 'formatVersion', message: `format ${numberText(version)} is newer than ${FORMAT_VERSION}` }],
      );
    }
    const migrated = format.migrate(raw as Record<string, unknown>, version);
    if (!migrated.ok) return failure('UNKNOWN_FORMAT', migrated.message, [{ path: 'formatVersion', message: migrated.message }]);
    const parsed = format.schema.safeParse(migrated.value, { reportInput: true });
    const errors = [
      ...migrated.problems.map((p) => ({ path: formatPath(p.path), message: p.message })),
      ...(parsed.success ? [] : issues(parsed.error.issues, version)),
    ];
    if (!parsed.success || errors.length > 0) {
      return failure(
        'INVALID_DOCUMENT',
        `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was loaded. Fix ${errors.length === 1 ? 'it' : 'them'} and open it again.`,
        errors,
      );
    }
    // A document that could not be saved again is not opened: it would be lost on the first save.
    const bytes = utf8ByteLength(JSON.stringify(parsed.data));
    if (bytes > MAX_FILE_BYTES) return documentTooLarge(bytes, 'load');
    return version === FORMAT_VERSION ? { ok: true, document: parsed.data } : { ok: true, document: parsed.data, migratedFrom: version };
  }

  const loadDocumentText = (text: string, byteLength?: number): LoadResult => {
    const parsed = parseJsonText(text, byteLength);
    return parsed.ok ? validate(parsed.value) : parsed;
  };

  const serializeDocumentForSave = (doc: TopologyDocument): SerializeResult => {
    const canonical = format.schema.safeParse(doc);
    const data = canonical.success ? canonical.data : doc;
    // Indented first: nearly every document fits, and then that is the only text built.
    const pretty = `${JSON.stringify(data, null, 2)}\n`;
    if (pretty.length <= MAX_FILE_BYTES) {
      const prettyBytes = utf8ByteLength(pretty);
      if (prettyBytes <= MAX_FILE_BYTES) return { ok: true, text: pretty, bytes: prettyBytes, pretty: true };
    }
    const compact = `${JSON.stringify(data)}\n`;
    const compactBytes = utf8ByteLength(compact);
    if (compactBytes > MAX_FILE_BYTES) {
      const refused = documentTooLarge(compactBytes, 'save');
      return { ok: false, code: 'DOCUMENT_TOO_LARGE', message: refused.summary, bytes: compactBytes };
    }
    return { ok: true, text: compact, bytes: compactBytes, pretty: false };
  };

  return {
    loadDocumentValue: (raw) => checkValueShape(raw) ?? validate(raw),
    loadDocumentText,
    loadDocumentBytes: (bytes) => {
      const decoded = decodeDocumentBytes(bytes);
      return decoded.ok ? loadDocumentText(decoded.text, bytes.byteLength) : decoded;
    },
    serializeDocumentForSave,
    serializeDocument: (doc) => {
      const r = serializeDocumentForSave(doc);
      if (r.ok) return r.text;
      const canonical = format.schema.safeParse(doc);
      return `${JSON.stringify(canonical.success ? canonical.data : doc)}\n`;
    },
    issuesToErrors: issues,
  };
}
