/**
 * Removes credentials from free text before it is returned, logged or stored. Error texts are
 * the leak: a remote endpoint that echoes the request (AWS's `SignatureDoesNotMatch` quotes the
 * canonical request) or a library that quotes its input (a YAML or JSON parser, a kubeconfig
 * loader) puts keys, tokens and webhook URLs into messages nobody meant to carry them.
 *
 * Pure and idempotent: the same text redacts to the same text, and redacted text stays as it is.
 * Ids that name things rather than open them (ARNs, account ids, instance ids, plain URLs) stay
 * readable, because a message a user can act on needs them. docs/security.md lists what is
 * covered and the limits.
 */
export const REDACTED = '[redacted]';

/** A replacer sees the match and its groups (an unmatched group is undefined). */
type Replacer = (match: string, ...groups: Array<string | undefined>) => string;
type Rule = [pattern: RegExp, replace: string | Replacer];

/** Header or field names whose value is a credential, as `name: value` / `name=value` / `"name":"value"`. */
const SECRET_KEYS = [
  'aws_secret_access_key',
  'secret_access_key',
  'secret-access-key',
  'secretaccesskey',
  'aws_session_token',
  'session_token',
  'session-token',
  'sessiontoken',
  'security_token',
  'security-token',
  'securitytoken',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-credential',
  'x-goog-signature',
  'x-goog-credential',
  'awsaccesskeyid',
  'signature',
  'credential',
  'client-key-data',
  'client-key',
  'client_key',
  'token',
  'id-token',
  'id_token',
  'refresh-token',
  'refresh_token',
  'access-token',
  'access_token',
  'bearer_token',
  'bot_token',
  'api_key',
  'api-key',
  'apikey',
  'x-api-key',
  'private_key',
  'private-key',
  'privatekey',
  'client_secret',
  'client-secret',
  'secret',
  'password',
  'passwd',
].join('|');

/** Query parameter names that carry a secret in any URL (presigned URLs, webhook keys). */
const SECRET_PARAM = /token|secret|signature|sig$|credential|password|passwd|pwd|key|auth|code/i;

const RULES: Rule[] = [
  // PEM private keys (kubeconfig client keys, service account keys), also when cut off.
  [
    /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
    (_m, kind) => `-----BEGIN ${kind}PRIVATE KEY-----${REDACTED}-----END ${kind}PRIVATE KEY-----`,
  ],
  // Authorization / Proxy-Authorization headers: the whole value up to the line or quote end
  // (SigV4 carries the access key id in Credential= and the signature).
  [
    /((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?!\s*\[redacted\])[^\s"'][^\r\n"']*/gi,
    (_m, head) => `${head}${REDACTED}`,
  ],
  // Notification webhooks whose path is the secret.
  [
    /(hooks\.slack\.com\/(?:services|workflows|triggers)\/)(?!\[redacted\])[^\s"'<>)]+/gi,
    (_m, head) => `${head}${REDACTED}`,
  ],
  [
    /((?:discord(?:app)?\.com)\/api\/webhooks\/)(?!\[redacted\])[^\s"'<>)]+/gi,
    (_m, head) => `${head}${REDACTED}`,
  ],
  [/(\.webhook\.office\.com\/)(?!\[redacted\])[^\s"'<>)]+/gi, (_m, head) => `${head}${REDACTED}`],
  // Telegram bot tokens, in the API URL and bare (`123456789:AA…`).
  [
    /(api\.telegram\.org\/(?:file\/)?bot)(?!\[redacted\])[^/\s"'<>)]+/gi,
    (_m, head) => `${head}${REDACTED}`,
  ],
  [/(?<![:\w])\d{8,10}:[A-Za-z0-9_-]{35}(?![\w-])/g, REDACTED],
  // Userinfo of any URL (`https://user:pass@host`).
  [
    /\b([a-z][a-z0-9+.-]*:\/\/)(?!\[redacted\]@)[^\s/@"'<>]+@/gi,
    (_m, scheme) => `${scheme}${REDACTED}@`,
  ],
  // Secret-looking query parameters of any URL (presigned X-Amz-*, ?token=, ?key=).
  [
    /([?&;])([^=&\s#"'<>]+)=([^&\s#"'<>]*)/g,
    (match, sep = '', name = '', value = '') =>
      SECRET_PARAM.test(name) && value !== '' && value !== REDACTED
        ? `${sep}${name}=${REDACTED}`
        : match,
  ],
  // `name: value`, `name=value`, `"name": "value"` for the names above.
  [
    new RegExp(
      `(^|[^A-Za-z0-9_-])(["']?)(${SECRET_KEYS})\\2(\\s*[:=]\\s*)(?:"([^"\\r\\n]*)"|'([^'\\r\\n]*)'|((?!\\[redacted\\])[^\\s"',;&)}\\]]+))`,
      'gi',
    ),
    (...g) => {
      const [, before, quote, key, sep, dq, sq] = g;
      const value =
        dq !== undefined ? `"${REDACTED}"` : sq !== undefined ? `'${REDACTED}'` : REDACTED;
      return `${before}${quote}${key}${quote}${sep}${value}`;
    },
  ],
  // Bearer / Basic credentials wherever they appear.
  [
    /\b(Bearer|Basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/g,
    (_m, scheme) => `${scheme} ${REDACTED}`,
  ],
  // JSON web tokens (Kubernetes service account and OIDC tokens) and EKS tokens.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [/\bk8s-aws-v1\.[A-Za-z0-9_-]+/g, REDACTED],
  // AWS access key ids (long-term AKIA, temporary ASIA).
  [/\b(?:AKIA|ASIA)[A-Z0-9]{12,128}\b/g, REDACTED],
  // Session tokens and other long base64 blobs; ids and ARNs never run this long unbroken.
  [
    /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{80,}={0,2}(?![A-Za-z0-9+/=])/g,
    (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9]/.test(m) ? REDACTED : m),
  ],
  // Secret access keys: 40 characters of base64, mixed case (hex hashes are one case).
  [
    /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g,
    (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) ? REDACTED : m),
  ],
];

/** The text with every credential this module knows replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES)
    out =
      typeof replace === 'string' ? out.replace(pattern, replace) : out.replace(pattern, replace);
  return out;
}

/**
 * Every string inside `value` redacted (objects and arrays copied, other values kept): for
 * events and log fields, whose strings may all carry error text.
 */
export function redactStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => redactStrings(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>))
    out[key] = redactStrings(v, depth + 1);
  return out as T;
}

/** Keys whose string values are error or status text (not configuration a user edits). */
const ERROR_TEXT_KEY = /^(message|error|errors|detail|details)$/i;

/**
 * Strings under error-text keys (`message`, `error`, `detail`, …) redacted anywhere inside
 * `value`: for API answers, which also carry configuration (a webhook URL in settings, a
 * kubeconfig path) that must round-trip unchanged.
 */
export function redactErrorTexts<T>(value: T, depth = 0): T {
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => redactErrorTexts(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>))
    out[key] = ERROR_TEXT_KEY.test(key) ? redactStrings(v) : redactErrorTexts(v, depth + 1);
  return out as T;
}
