/**
 * Label selector strings as the apiserver parses them (k8s.io/apimachinery/pkg/labels):
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, joined with commas (AND).
 */

export type SelectorOperator = 'exists' | 'notexists' | 'in' | 'notin' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

export type ParseResult =
  { ok: true; requirements: Requirement[] } | { ok: false; message: string };

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

type Token =
  | { kind: 'ident'; text: string }
  | {
      kind:
        | 'comma'
        | 'open'
        | 'close'
        | 'eq'
        | 'deq'
        | 'neq'
        | 'not'
        | 'gt'
        | 'lt'
        | 'in'
        | 'notin'
        | 'end';
      text: string;
    };

const SPECIAL = new Set([' ', '\t', '\n', '\r', ',', '(', ')', '=', '!', '<', '>']);

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
    } else if (ch === ',') {
      tokens.push({ kind: 'comma', text: ch });
      i += 1;
    } else if (ch === '(') {
      tokens.push({ kind: 'open', text: ch });
      i += 1;
    } else if (ch === ')') {
      tokens.push({ kind: 'close', text: ch });
      i += 1;
    } else if (ch === '>' || ch === '<') {
      tokens.push({ kind: ch === '>' ? 'gt' : 'lt', text: ch });
      i += 1;
    } else if (ch === '=') {
      const dbl = input[i + 1] === '=';
      tokens.push({ kind: dbl ? 'deq' : 'eq', text: dbl ? '==' : '=' });
      i += dbl ? 2 : 1;
    } else if (ch === '!') {
      const neq = input[i + 1] === '=';
      tokens.push({ kind: neq ? 'neq' : 'not', text: neq ? '!=' : '!' });
      i += neq ? 2 : 1;
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.has(input[j] ?? '')) j += 1;
      const text = input.slice(i, j);
      if (text === 'in') tokens.push({ kind: 'in', text });
      else if (text === 'notin') tokens.push({ kind: 'notin', text });
      else tokens.push({ kind: 'ident', text });
      i = j;
    }
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

export function validateLabelKey(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (
    prefix !== undefined &&
    (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
  ) {
    return `prefix part must be a lowercase RFC 1123 subdomain`;
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
  }
  return undefined;
}

export function validateLabelValue(value: string): string | undefined {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    return `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
  }
  return undefined;
}

class SelectorParser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { kind: 'end', text: '' };
  }

  private next(): Token {
    const t = this.peek();
    this.pos += 1;
    return t;
  }

  parse(): Requirement[] {
    const out: Requirement[] = [];
    if (this.peek().kind === 'end') return out;
    for (;;) {
      out.push(this.requirement());
      const t = this.next();
      if (t.kind === 'end') return out;
      if (t.kind !== 'comma')
        throw new Error(`found '${t.text}', expected: ',' or 'end of string'`);
    }
  }

  private requirement(): Requirement {
    let negated = false;
    if (this.peek().kind === 'not') {
      this.next();
      negated = true;
    }
    const keyTok = this.next();
    if (keyTok.kind !== 'ident') throw new Error(`found '${keyTok.text}', expected: identifier`);
    const key = keyTok.text;
    const keyProblem = validateLabelKey(key);
    if (keyProblem !== undefined)
      throw new Error(`key: Invalid value: ${JSON.stringify(key)}: ${keyProblem}`);
    if (negated) return { key, operator: 'notexists', values: [] };
    const op = this.peek();
    if (op.kind === 'end' || op.kind === 'comma') return { key, operator: 'exists', values: [] };
    this.next();
    switch (op.kind) {
      case 'eq':
      case 'deq':
        return { key, operator: 'in', values: [this.value(key)] };
      case 'neq':
        return { key, operator: 'notin', values: [this.value(key)] };
      case 'in':
      case 'notin':
        return { key, operator: op.kind, values: this.valueSet(key) };
      case 'gt':
      case 'lt': {
        const v = this.value(key);
        if (!/^-?\d+$/.test(v))
          throw new Error(`for 'Gt', 'Lt' operators, the value must be an integer`);
        return { key, operator: op.kind, values: [v] };
      }
      default:
        throw new Error(`found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private value(key: string): string {
    const t = this.peek();
    if (t.kind === 'end' || t.kind === 'comma') return '';
    if (t.kind !== 'ident') throw new Error(`found '${t.text}', expected: identifier`);
    this.next();
    this.checkValue(key, t.text);
    return t.text;
  }

  private valueSet(key: string): string[] {
    const open = this.next();
    if (open.kind !== 'open') throw new Error(`found '${open.text}', expected: '('`);
    const values: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'ident') {
        this.checkValue(key, t.text);
        values.push(t.text);
        const sep = this.next();
        if (sep.kind === 'close') break;
        if (sep.kind !== 'comma') throw new Error(`found '${sep.text}', expected: ',' or ')'`);
      } else if (t.kind === 'close') {
        break;
      } else if (t.kind === 'comma') {
        values.push('');
      } else {
        throw new Error(`found '${t.text}', expected: ',', ')' or identifier`);
      }
    }
    if (values.length === 0)
      throw new Error(`for 'in', 'notin' operators, values set can't be empty`);
    return values;
  }

  private checkValue(key: string, value: string): void {
    const problem = validateLabelValue(value);
    if (problem !== undefined)
      throw new Error(`values[0][${key}]: Invalid value: ${JSON.stringify(value)}: ${problem}`);
  }
}

export function parseLabelSelector(input: string): ParseResult {
  try {
    return { ok: true, requirements: new SelectorParser(lex(input)).parse() };
  } catch (err) {
    return {
      ok: false,
      message: `unable to parse requirement: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

export function matchesRequirements(
  requirements: readonly Requirement[],
  labels: Record<string, string>,
): boolean {
  return requirements.every((r) => matchesOne(r, labels));
}

function matchesOne(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && value !== undefined && r.values.includes(value);
    case 'notin':
      return !has || value === undefined || !r.values.includes(value);
    case 'gt':
    case 'lt': {
      if (value === undefined || !/^-?\d+$/.test(value)) return false;
      const actual = Number(value);
      const limit = Number(r.values[0]);
      return r.operator === 'gt' ? actual > limit : actual < limit;
    }
  }
}

export interface LabelSelectorRequirementJson {
  key: string;
  operator: string;
  values?: string[];
}

/**
 * Renders a structured selector (`matchLabels` + `matchExpressions`) as the apiserver does for
 * `Scale.status.selector`: requirements sorted by key, values sorted.
 */
export function formatLabelSelector(
  matchLabels: Record<string, string>,
  expressions: readonly LabelSelectorRequirementJson[],
): string {
  const parts: Array<{ key: string; text: string }> = [];
  for (const [key, value] of Object.entries(matchLabels))
    parts.push({ key, text: `${key}=${value}` });
  for (const e of expressions) {
    const values = [...(e.values ?? [])].sort();
    switch (e.operator) {
      case 'In':
        parts.push({ key: e.key, text: `${e.key} in (${values.join(',')})` });
        break;
      case 'NotIn':
        parts.push({ key: e.key, text: `${e.key} notin (${values.join(',')})` });
        break;
      case 'Exists':
        parts.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        parts.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        break;
    }
  }
  return parts
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.text)
    .join(',');
}
