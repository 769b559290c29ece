// Reading and writing topology files. A file that fails is never half-loaded: the caller gets
// either a whole valid document or a list of errors, each with the path a person can find.
import type { z } from 'zod';
import { DocumentSchema, FORMAT_VERSION, type TopologyDocument } from './document';
import { migrateToCurrent } from './migrations';

/** Larger files are refused before parsing: a topology of thousands of gateways is a few MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileErrorCode =
  | 'FILE_TOO_LARGE'
  | 'NOT_JSON'
  | 'NOT_A_TOPOLOGY'
  | 'NEWER_FORMAT'
  | 'UNKNOWN_FORMAT'
  | 'FORBIDDEN_KEY'
  | 'INVALID_DOCUMENT';

export interface FileError {
  /** Where in the document, e.g. `tunnels[3].a.proxyIds[1].local`; empty for the whole file. */
  path: string;
  message: string;
}

export type LoadResult =
  | { ok: true; document: TopologyDocument; migratedFrom?: number }
  | { ok: false; code: FileErrorCode; summary: string; errors: FileError[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FileError[] {
  return issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    } else if (issue.code === 'invalid_value' && 'values' in issue) {
      message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
      message = `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    }
    return { path: formatPath(issue.path), message };
  });
}

/** Text of an error list for a dialog or the command line: one line per error, path first. */
export function describeErrors(errors: readonly FileError[], max = 20): string {
  const lines = errors.slice(0, max).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('\n');
}

function findForbiddenKey(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], [...path, i]);
      if (hit) return hit;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const hit = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Validates an already-parsed value (from IPC, a paste, a test) as a current or older document. */
export function loadDocumentValue(raw: unknown): LoadResult {
  const forbidden = findForbiddenKey(raw, []);
  if (forbidden) {
    return {
      ok: false,
      code: 'FORBIDDEN_KEY',
      summary: 'This file contains a key that is never part of a topology; it was not loaded.',
      errors: [{ path: formatPath(forbidden), message: `the key "${String(forbidden[forbidden.length - 1])}" is not allowed in a topology file` }],
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, code: 'NOT_A_TOPOLOGY', summary: 'This is JSON, but not an IPsec Studio topology.', errors: [{ path: '', message: 'the file must contain one JSON object with a "formatVersion" field' }] };
  }
  const version = (raw as Record<string, unknown>).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: 'NOT_A_TOPOLOGY', summary: 'This is JSON, but not an IPsec Studio topology.', errors: [{ path: 'formatVersion', message: 'missing or not a whole number: an IPsec Studio file starts with "formatVersion"' }] };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      code: 'NEWER_FORMAT',
      summary: `This file was written by a newer IPsec Studio (format ${version}; this version reads up to ${FORMAT_VERSION}). Update IPsec Studio to open it.`,
      errors: [{ path: 'formatVersion', message: `format ${version} is newer than ${FORMAT_VERSION}` }],
    };
  }
  const migrated = migrateToCurrent(raw as Record<string, unknown>, version);
  if (!migrated.ok) {
    return { ok: false, code: 'UNKNOWN_FORMAT', summary: migrated.message, errors: [{ path: 'formatVersion', message: migrated.message }] };
  }
  const parsed = DocumentSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error.issues);
    return {
      ok: false,
      code: 'INVALID_DOCUMENT',
      summary: `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was loaded. Fix ${errors.length === 1 ? 'it' : 'them'} and open it again.`,
      errors,
    };
  }
  return version === FORMAT_VERSION ? { ok: true, document: parsed.data } : { ok: true, document: parsed.data, migratedFrom: version };
}

/** Parses file text. `byteLength` lets callers that read bytes refuse huge files before decoding. */
export function loadDocumentText(text: string, byteLength = text.length): LoadResult {
  if (byteLength > MAX_FILE_BYTES) {
    return {
      ok: false,
      code: 'FILE_TOO_LARGE',
      summary: `The file is ${(byteLength / 1048576).toFixed(1)} MB; topology files are at most ${MAX_FILE_BYTES / 1048576} MB. Is this the right file?`,
      errors: [{ path: '', message: 'file too large' }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      code: 'NOT_JSON',
      summary: 'This file is not valid JSON (is it truncated, or not a topology file?). Nothing was loaded.',
      errors: [{ path: '', message: detail }],
    };
  }
  return loadDocumentValue(raw);
}

/**
 * The file text: keys in the schema's order whatever order the objects were built in, two-space
 * indent, newline at the end, so the same topology always gives the same bytes and diffs in git
 * stay small. A document that does not validate is written as it is (callers validate first).
 */
export function serializeDocument(doc: TopologyDocument): string {
  const canonical = DocumentSchema.safeParse(doc);
  return `${JSON.stringify(canonical.success ? canonical.data : doc, null, 2)}\n`;
}
