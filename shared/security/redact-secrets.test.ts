import { describe, expect, it } from 'vitest';
import { REDACTED, redactErrorTexts, redactSecrets, redactStrings } from './redact-secrets';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const TEMP_KEY_ID = 'ASIAY34FZKBOKMUTVV7A';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx3Xh5Kb2vG9v8yYqQ3Ob7mZ1HbLq1XyE0k6Rj2T4aAiBv1l2dA7f6P3gKQ2c8hW8G4kq4xNn0ZJcGm5oU2YqY8yqXAwi5';
const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpoaWIifQ.c2lnbmF0dXJlLXBhcnQ';
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';
const SLACK_PATH = 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

/** [what, input, the secret that must be gone, text that must stay]. */
const SECRETS: Array<[string, string, string, string]> = [
  [
    'an access key id',
    `InvalidAccessKeyId: key ${KEY_ID} does not exist`,
    KEY_ID,
    'does not exist',
  ],
  ['a temporary access key id', `as ${TEMP_KEY_ID} in us-east-1`, TEMP_KEY_ID, 'us-east-1'],
  [
    'a secret access key (ini)',
    `aws_secret_access_key = ${SECRET}`,
    SECRET,
    'aws_secret_access_key',
  ],
  ['a secret access key (json)', `{"SecretAccessKey":"${SECRET}"}`, SECRET, 'SecretAccessKey'],
  ['a bare secret access key', `secret was ${SECRET}.`, SECRET, 'secret was'],
  [
    'a session token (ini)',
    `aws_session_token=${SESSION_TOKEN}`,
    SESSION_TOKEN,
    'aws_session_token',
  ],
  ['a session token (json)', `{"SessionToken": "${SESSION_TOKEN}"}`, SESSION_TOKEN, 'SessionToken'],
  ['a bare session token', `token ${SESSION_TOKEN} expired`, SESSION_TOKEN, 'expired'],
  [
    'a SigV4 Authorization header',
    `authorization:AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd\nhost:ec2.amazonaws.com`,
    KEY_ID,
    'host:ec2.amazonaws.com',
  ],
  [
    'a Basic Authorization header',
    'Authorization: Basic dXNlcjpwYXNzd29yZA==',
    'dXNlcjpwYXNzd29yZA',
    'Authorization',
  ],
  [
    'an x-amz-security-token header',
    `x-amz-security-token:${SESSION_TOKEN}\nx-amz-date:20260101T000000Z`,
    SESSION_TOKEN,
    'x-amz-date:20260101T000000Z',
  ],
  [
    'a presigned URL signature',
    'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=deadbeefcafe&X-Amz-Expires=60',
    'deadbeefcafe',
    'X-Amz-Expires=60',
  ],
  [
    'a presigned URL credential',
    `https://b.s3.amazonaws.com/k?X-Amz-Credential=${KEY_ID}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=1`,
    KEY_ID,
    'X-Amz-Date=1',
  ],
  [
    'a presigned URL security token',
    `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=FwoGZXIvYXdzEBkaDOpaque&x=1`,
    'FwoGZXIvYXdzEBkaDOpaque',
    'b.s3.amazonaws.com/k',
  ],
  [
    'a bearer token',
    'request failed: Bearer abc.def-ghi_jkl123',
    'abc.def-ghi_jkl123',
    'request failed',
  ],
  ['a JWT', `token is ${JWT}`, JWT, 'token is'],
  [
    'an EKS token',
    'k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9u',
    'aHR0cHM6Ly9zdHMu',
    '',
  ],
  [
    'a PEM private key',
    `could not load ${PEM} from kubeconfig`,
    'MIIEowIBAAKCAQEAu1SU1LfV',
    'from kubeconfig',
  ],
  [
    'a cut-off PEM private key',
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    'BEGIN PRIVATE KEY',
  ],
  [
    'a client-key-data field',
    'client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==',
    'LS0tLS1CRUdJTi',
    'client-key-data',
  ],
  ['a kubeconfig token field', '    token: sha256~abcdEFGH1234', 'sha256~abcdEFGH1234', 'token'],
  ['a password field', 'password=hunter2 user=admin', 'hunter2', 'user=admin'],
  [
    'a Slack webhook',
    `POST https://hooks.slack.com/services/${SLACK_PATH} returned 404`,
    SLACK_PATH,
    'returned 404',
  ],
  [
    'a Discord webhook',
    'https://discord.com/api/webhooks/123456/abcDEFsecret failed',
    'abcDEFsecret',
    'failed',
  ],
  [
    'a URL userinfo',
    'https://alice:s3cr3t@ntfy.example.com/topic failed',
    's3cr3t',
    'ntfy.example.com/topic',
  ],
  [
    'a secret query param',
    'https://example.com/hook?key=k3y-value&room=ops',
    'k3y-value',
    'room=ops',
  ],
  ['a token query param', 'https://example.com/hook?access_token=tok123&x=1', 'tok123', 'x=1'],
  [
    'a Telegram bot URL',
    `https://api.telegram.org/bot${BOT_TOKEN}/sendMessage: 401 Unauthorized`,
    BOT_TOKEN,
    '/sendMessage: 401 Unauthorized',
  ],
  ['a bare Telegram bot token', `bot token ${BOT_TOKEN} rejected`, BOT_TOKEN, 'rejected'],
];

/** Text that names things rather than opening them: must come back unchanged. */
const READABLE: Array<[string, string]> = [
  ['a user ARN', 'User: arn:aws:iam::123456789012:user/hibernator-admin is not authorized'],
  ['a role ARN', 'assume arn:aws:iam::123456789012:role/hibernator-cross-account failed'],
  [
    'an SNS topic ARN',
    'arn:aws:sns:us-east-1:123456789012:my-very-long-topic-name-with-dashes-there',
  ],
  ['an account id', 'profile dev reaches account 123456789012'],
  ['instance ids', 'stopped i-0de5a000000000001, i-0123456789abcdef0'],
  [
    'a plain URL',
    'GET https://eks.us-east-1.amazonaws.com/clusters/dev-cluster?maxResults=10 failed',
  ],
  ['a git-like hex hash', 'checksum 3f786850e387550fdab836ed7e6dc881de23001b mismatch'],
  ['AWS error names', 'ExpiredToken: The security token included in the request is expired'],
  [
    'AWS signature text',
    'SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  ],
  ['an access-denied code', 'AuthorizationError: not allowed'],
  [
    'a kube path',
    'PATCH /apis/apps/v1/namespaces/shop/deployments/web/scale: 429 Too Many Requests',
  ],
  ['a cron and a time', 'next run at 2026-01-01T03:00:00.000Z (0 3 * * MON-FRI)'],
];

describe('redactSecrets', () => {
  it.each(SECRETS)('removes %s', (_what, input, secret, kept) => {
    const out = redactSecrets(input);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
    expect(out).toContain(kept);
  });

  it.each(READABLE)('keeps %s readable', (_what, input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  it.each(SECRETS)('is idempotent on %s', (_what, input) => {
    const once = redactSecrets(input);
    expect(redactSecrets(once)).toBe(once);
  });

  it('removes every credential of an echoed SigV4 canonical request', () => {
    const echoed = [
      'SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.',
      "The Canonical String for this request should have been\n'POST\n/\n",
      'content-type:application/x-www-form-urlencoded; charset=utf-8',
      'host:127.0.0.1:4566',
      `authorization:AWS4-HMAC-SHA256 Credential=${TEMP_KEY_ID}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=abc`,
      'x-amz-date:20260101T000000Z',
      `x-amz-security-token:${SESSION_TOKEN}`,
      "Action=DescribeInstances&Version=2016-11-15'",
    ].join('\n');
    const out = redactSecrets(echoed);
    for (const secret of [TEMP_KEY_ID, SESSION_TOKEN]) expect(out).not.toContain(secret);
    expect(out).toContain('Action=DescribeInstances');
    expect(out).toContain('host:127.0.0.1:4566');
  });
});

describe('redactStrings', () => {
  it('redacts every string at any depth and keeps the other values', () => {
    const value = { a: [`key ${KEY_ID}`, 3, null], b: { c: { d: `Bearer ${JWT}` } }, e: true };
    expect(redactStrings(value)).toEqual({
      a: [`key ${REDACTED}`, 3, null],
      b: { c: { d: `Bearer ${REDACTED}` } },
      e: true,
    });
  });
});

describe('redactErrorTexts', () => {
  it('redacts error texts but leaves configuration such as a webhook URL untouched', () => {
    const url = `https://hooks.slack.com/services/${SLACK_PATH}`;
    const answer = {
      settings: { notifications: [{ url }] },
      targets: [{ error: { code: 'AUTH_FAILED', message: `key ${KEY_ID}` } }],
      message: `posting to ${url} failed`,
    };
    const out = redactErrorTexts(answer);
    expect(out.settings.notifications[0]?.url).toBe(url);
    expect(out.targets[0]?.error.message).toBe(`key ${REDACTED}`);
    expect(out.message).not.toContain(SLACK_PATH);
  });
});
