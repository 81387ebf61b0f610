import type { z } from 'zod';
import { requiredHint } from './friendly-messages';

/** One problem found in an object; `path` looks like `spec.schedule.offHours[1].daysOfWeek[0]`. */
export interface Issue {
  path: string;
  message: string;
}

export interface ValidationResult<T> {
  valid: boolean;
  /** The normalised object (defaults applied, days upper-cased); only when valid. */
  value?: T;
  errors: Issue[];
  warnings: Issue[];
}

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** An issue whose path is still structured, so rules can prefix it and zod refinements can re-emit it. */
export interface RawIssue {
  path: Path;
  message: string;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['spec', 'targets', 2, 'parameters']` → `spec.targets[2].parameters`; odd keys are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && PLAIN_KEY.test(segment))
      out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** `"path: message"`, or just the message for a problem with the whole object. */
export function formatIssue(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export function toIssue(raw: RawIssue): Issue {
  return { path: formatPath(raw.path), message: raw.message };
}

/** Collects errors and warnings of one rule pass, with paths relative to a base. */
export class IssueCollector {
  readonly errors: RawIssue[] = [];
  readonly warnings: RawIssue[] = [];

  error(path: Path, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: Path, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Adds another pass's issues, prefixing their paths. */
  merge(other: RuleResult, prefix: Path = []): void {
    for (const e of other.errors)
      this.errors.push({ path: [...prefix, ...e.path], message: e.message });
    for (const w of other.warnings)
      this.warnings.push({ path: [...prefix, ...w.path], message: w.message });
  }
}

export interface RuleResult {
  errors: readonly RawIssue[];
  warnings: readonly RawIssue[];
}

/**
 * Turns zod's issues into ours. Messages for well-known codes were already made friendly by
 * `friendlyErrorMap`; a missing field gets a hint that depends on which field it is, which only
 * the full path tells.
 */
export function rawIssuesFromZod(error: z.core.$ZodError | undefined): RawIssue[] {
  if (!error) return [];
  const out: RawIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter(
      (s): s is PathSegment => typeof s === 'string' || typeof s === 'number',
    );
    let message = issue.message;
    if (issue.code === 'invalid_type' && issue.input === undefined && message === 'is required') {
      message = requiredHint(path);
    }
    out.push({ path, message });
  }
  return dedupe(out);
}

/** Same path and message twice says nothing new (zod reports some problems from two angles). */
export function dedupe<T extends RawIssue | Issue>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const issue of issues) {
    const key = `${typeof issue.path === 'string' ? issue.path : formatPath(issue.path)}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** Re-emits rule errors inside a zod refinement so that a plain `Schema.safeParse` reports them too. */
export function addRuleErrors(
  ctx: z.core.$RefinementCtx<unknown>,
  errors: readonly RawIssue[],
): void {
  for (const e of errors) ctx.addIssue({ code: 'custom', path: [...e.path], message: e.message });
}

/**
 * Refinements that also run when a sibling field already failed, so every problem is reported
 * at once; the rule functions they call accept half-parsed input.
 */
export const ALWAYS = { when: (): boolean => true } as const;
