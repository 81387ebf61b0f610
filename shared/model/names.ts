import { z } from 'zod';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A valid name close to what the author wrote: `My_DB` → `my-db`. */
export function suggestName(text: string, allowDots: boolean, maxLength: number): string {
  const invalid = allowDots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g;
  return text
    .toLowerCase()
    .replace(invalid, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, maxLength)
    .replace(/[^a-z0-9]+$/, '');
}

function nameSchema(what: string, pattern: RegExp, allowDots: boolean, maxLength: number) {
  const chars = allowDots
    ? "lower-case letters, digits, '-' and '.'"
    : "lower-case letters, digits and '-'";
  return z.string().superRefine((text, ctx) => {
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: `must not be empty: give the ${what} a name` });
      return;
    }
    if (text.length > maxLength) {
      ctx.addIssue({
        code: 'custom',
        message: `is ${text.length} characters long: a ${what} name has at most ${maxLength}`,
      });
    }
    if (!pattern.test(text)) {
      const suggestion = suggestName(text, allowDots, maxLength);
      const hint = suggestion && suggestion !== text ? ` (for example "${suggestion}")` : '';
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a valid ${what} name: use ${chars}, starting and ending with a letter or digit${hint}`,
      });
    }
  });
}

/** Plan names: DNS-1123 subdomain of at most 63 characters (the operator's object names). */
export const PlanNameSchema = nameSchema('plan', SUBDOMAIN, true, 63);
/** Names of exceptions and connections: DNS-1123 subdomain. */
export const ObjectNameSchema = nameSchema('object', SUBDOMAIN, true, 253);
/** Target names: DNS-1123 label (used in resource keys, logs and the CLI). */
export const TargetNameSchema = nameSchema('target', LABEL, false, 63);
/** Kubernetes namespace names. */
export const NamespaceNameSchema = nameSchema('namespace', LABEL, false, 63);

/** A non-empty, free-form string (stage names, profile names, tag keys). */
export function nonEmpty(what: string) {
  return z.string().min(1, { error: `must not be empty: set the ${what}` });
}
