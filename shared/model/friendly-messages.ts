import type { z } from 'zod';
import { API_VERSION } from './constants';
import type { Path } from './issue';

/**
 * Zod's default messages ("Invalid input: expected string, received undefined") are written for
 * developers. This error map rewrites the common codes into sentences a plan author can act
 * on. Messages given on a schema itself take precedence over it (zod's own rule).
 */
export const friendlyErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue.expected, issue.input);
    case 'invalid_value':
      return invalidValue(issue.values, issue.input);
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive, issue.input);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive, issue.input);
    case 'invalid_union':
      return `${describe(issue.input)} does not match any accepted form`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove or rename`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_format':
      return `${describe(issue.input)} has the wrong format`;
    default:
      return undefined;
  }
};

/** Options for every parse in this module: friendly messages, and the input kept for them. */
export const PARSE_OPTIONS = { error: friendlyErrorMap, reportInput: true } as const;

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  date: 'a date',
};

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  if (input === null) return 'is empty: give it a value or remove the field';
  const want = EXPECTED[expected] ?? expected;
  if (expected === 'int' && typeof input === 'number')
    return `must be a whole number, not ${input}`;
  const quoteHint =
    expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')
      ? ` (put it in quotes: "${String(input)}")`
      : '';
  return `must be ${want}, not ${describe(input)}${quoteHint}`;
}

function invalidValue(values: readonly unknown[], input: unknown): string {
  const shown = values.map((v) => String(v));
  const got = input === undefined ? '' : ` (got ${describe(input)})`;
  if (input === undefined) {
    return values.length === 1 && values[0] === API_VERSION
      ? `is required: set it to ${API_VERSION}`
      : `is required: use ${shown.join(', ')}`;
  }
  const near =
    typeof input === 'string'
      ? shown.find((v) => v.toLowerCase() === input.toLowerCase())
      : undefined;
  const hint = near ? `; did you mean "${near}"?` : '';
  if (values.length === 1) return `must be ${shown[0]}${got}${hint}`;
  return `must be one of ${shown.join(', ')}${got}${hint}`;
}

function tooSmall(
  origin: string,
  minimum: unknown,
  inclusive: boolean | undefined,
  input: unknown,
): string {
  const min = Number(minimum);
  if (origin === 'array' || origin === 'set') {
    return min <= 1
      ? 'must not be empty: add at least one entry'
      : `must have at least ${min} entries`;
  }
  if (origin === 'string')
    return min <= 1 ? 'must not be empty' : `must be at least ${min} characters long`;
  const got = typeof input === 'number' ? `, not ${input}` : '';
  return inclusive === false
    ? `must be greater than ${min}${got}`
    : `must be at least ${min}${got}`;
}

function tooBig(
  origin: string,
  maximum: unknown,
  inclusive: boolean | undefined,
  input: unknown,
): string {
  const max = Number(maximum);
  if (origin === 'array' || origin === 'set')
    return `has too many entries: at most ${max} are allowed`;
  if (origin === 'string') {
    const len = typeof input === 'string' ? ` (${input.length})` : '';
    return `is too long${len}: at most ${max} characters are allowed`;
  }
  const got = typeof input === 'number' ? `, not ${input}` : '';
  return inclusive === false ? `must be less than ${max}${got}` : `must be at most ${max}${got}`;
}

/** A short, quoted rendering of a value for messages: `the text "MON"`, `the number 5`, `a list`. */
export function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

/** What to write when a field is missing, keyed by the field's name (last path segment). */
const REQUIRED_HINTS: Record<string, string> = {
  apiVersion: `is required: set apiVersion: ${API_VERSION}`,
  metadata: 'is required: add metadata with a name',
  name: 'is required: give it a name',
  spec: 'is required: add the spec section',
  schedule: 'is required: add a schedule with a timezone and offHours',
  timezone: 'is required: set an IANA time zone such as "Europe/Berlin"',
  offHours: 'is required: add at least one window { start, end, daysOfWeek }',
  windows: 'is required: add at least one window { start, end, daysOfWeek }',
  start: 'is required: set a start time "HH:MM"',
  end: 'is required: set an end time "HH:MM"',
  daysOfWeek: 'is required: list the days, e.g. [MON, TUE, WED, THU, FRI]',
  execution: 'is required: add execution: { strategy: { type: Sequential } }',
  strategy: 'is required: add strategy: { type: Sequential } (or Parallel, DAG, Staged)',
  targets: 'is required: list at least one target',
  planRef: 'is required: add planRef: { name: <plan name> }',
  validFrom: 'is required: set an ISO-8601 instant such as 2026-12-24T18:00:00Z',
  validUntil: 'is required: set an ISO-8601 instant such as 2026-12-27T08:00:00Z',
  region: 'is required: set an AWS region such as eu-central-1',
  selector: 'is required: say which resources this target handles',
  clusterName: 'is required: set the EKS cluster name',
  namespace: 'is required: set namespace: { literals: [..] } or namespace: { selector: {..} }',
  targetName: 'is required: name the plan target this override applies to',
  from: 'is required: name the target that shuts down first',
  to: 'is required: name the target that shuts down after `from`',
  key: 'is required: name the tag or label key',
  operator: 'is required: use In, NotIn, Exists or DoesNotExist',
  enabled: 'is required: set enabled: true or false',
};

export function requiredHint(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return 'is required';
  if (last === 'type') {
    const parent = path[path.length - 2];
    if (parent === 'strategy') return 'is required: use Sequential, Parallel, DAG or Staged';
    if (parent === 'spec' && path.length === 2) return 'is required';
    return 'is required: use ec2, rds, eks, asg, karpenter, workloadscaler or noop';
  }
  return REQUIRED_HINTS[last] ?? 'is required';
}
