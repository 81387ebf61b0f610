import { field, isRecord, recordAt } from './raw';
import { IssueCollector, type Issue, type RuleResult, toIssue } from './issue';

/**
 * Rules the Kubernetes API server applies to every object, checked on new input only (validate,
 * import, apply) so that what we export is what a cluster accepts. The stored-object schemas do
 * not carry them: a plan saved by an older version that breaks one still loads and runs, and
 * `storedObjectWarnings` tells the user what to fix.
 */

/** apimachinery's qualified name: an optional DNS-subdomain prefix and a 63-character name. */
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** apimachinery TotalAnnotationSizeLimitB. */
export const MAX_ANNOTATION_BYTES = 256 * 1024;
export const INT32_MAX = 2_147_483_647;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

function shown(text: string): string {
  return text.length > 40 ? `"${text.slice(0, 40)}…" (${text.length} characters)` : `"${text}"`;
}

/** Why `key` is not a qualified name, or null when it is one. */
export function qualifiedNameProblem(key: string): string | null {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== null) {
    if (prefix === '' || prefix.length > 253 || !SUBDOMAIN.test(prefix))
      return 'its prefix (before "/") must be a DNS subdomain such as example.com';
  }
  if (name === '') return 'the name part must not be empty';
  if (name.length > 63) return `the name part has ${name.length} characters; at most 63`;
  if (!NAME_PART.test(name))
    return "use letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return null;
}

/** Why `value` is not a label value, or null when it is one (empty is allowed). */
export function labelValueProblem(value: string): string | null {
  if (value === '') return null;
  if (value.length > 63) return `it has ${value.length} characters; a label value has at most 63`;
  if (!NAME_PART.test(value))
    return "use letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return null;
}

function checkLabels(labels: unknown, out: IssueCollector): void {
  if (!isRecord(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem)
      out.error(['metadata', 'labels', key], `label key ${shown(key)} is not valid: ${keyProblem}`);
    if (typeof value !== 'string') continue;
    const valueProblem = labelValueProblem(value);
    if (valueProblem)
      out.error(
        ['metadata', 'labels', key],
        `label value ${shown(value)} is not valid: ${valueProblem}`,
      );
  }
}

function checkAnnotations(annotations: unknown, out: IssueCollector): void {
  if (!isRecord(annotations)) return;
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem)
      out.error(
        ['metadata', 'annotations', key],
        `annotation key ${shown(key)} is not valid: ${keyProblem}`,
      );
    total += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
  }
  if (total > MAX_ANNOTATION_BYTES) {
    out.error(
      ['metadata', 'annotations'],
      `annotations take ${total} bytes; Kubernetes allows 262144 (256 KiB) in total: move large text elsewhere`,
    );
  }
}

function checkInt32(value: unknown, path: Array<string | number>, out: IssueCollector): void {
  if (typeof value === 'number' && value > INT32_MAX) {
    out.error(path, `${value} is larger than a cluster stores (an int32, at most ${INT32_MAX})`);
  }
}

/** Labels, annotations and int32 fields of any Hibernator object, as the API server checks them. */
export function checkClusterRules(object: unknown): RuleResult {
  const out = new IssueCollector();
  const metadata = recordAt(object, 'metadata');
  checkLabels(field(metadata, 'labels'), out);
  checkAnnotations(field(metadata, 'annotations'), out);
  const spec = recordAt(object, 'spec');
  const strategy = recordAt(recordAt(spec, 'execution'), 'strategy');
  const at = ['spec', 'execution', 'strategy'];
  checkInt32(field(strategy, 'maxConcurrency'), [...at, 'maxConcurrency'], out);
  const stages = field(strategy, 'stages');
  if (Array.isArray(stages)) {
    stages.forEach((stage, i) =>
      checkInt32(field(stage, 'maxConcurrency'), [...at, 'stages', i, 'maxConcurrency'], out),
    );
  }
  return out;
}

/**
 * What a stored object breaks of the rules above, as warnings to fix on the next edit (it keeps
 * loading and running: these rules arrived after it was saved).
 */
export function storedObjectWarnings(object: unknown): Issue[] {
  return checkClusterRules(object).errors.map((raw) => {
    const issue = toIssue(raw);
    return {
      ...issue,
      message: `${issue.message} (saved before this rule; fix it on the next edit)`,
    };
  });
}
