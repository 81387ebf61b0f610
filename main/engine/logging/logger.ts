import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { redactSecrets, redactStrings } from '../../../shared/security/redact-secrets';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** Keys whose values never reach a log line, whatever code passes them (conventions.md). */
const SECRET_KEY = /secret|password|token|credential|session|authorization|accesskey/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/**
 * What a log line may carry: secret-named keys dropped, and credentials removed from the
 * message and from every string field (an error text may quote the request that failed).
 */
function clean(message: string, fields: LogFields): { message: string; fields: LogFields } {
  return { message: redactSecrets(message), fields: redactStrings(redact(fields) as LogFields) };
}

export interface FileLoggerOptions {
  path: string;
  maxBytes?: number;
  keep?: number;
  level?: LogLevel;
  /** Also echo warnings and errors to stderr (CLI / serve). */
  echo?: boolean;
  now?: () => Date;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One JSON object a line, rotated by size (`engine.log`, `engine.log.1`, ...). */
export function createFileLogger(options: FileLoggerOptions, base: LogFields = {}): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const minLevel = ORDER[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());

  const rotate = (): void => {
    if (!existsSync(options.path) || statSync(options.path).size < maxBytes) return;
    rmSync(`${options.path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${options.path}.${i}`))
        renameSync(`${options.path}.${i}`, `${options.path}.${i + 1}`);
    }
    renameSync(options.path, `${options.path}.1`);
  };

  const write = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (ORDER[level] < minLevel) return;
    const safe = clean(message, { ...base, ...fields });
    const line = JSON.stringify({
      time: now().toISOString(),
      level,
      message: safe.message,
      ...safe.fields,
    });
    try {
      rotate();
      appendFileSync(options.path, line + '\n', { mode: 0o600 });
    } catch {
      // Logging must never take the engine down (disk full, permissions).
    }
    if (options.echo && ORDER[level] >= ORDER.warn)
      process.stderr.write(`${level}: ${safe.message}\n`);
  };

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createFileLogger(options, { ...base, ...fields }),
  };
}

export function createMemoryLogger(
  lines: Array<{ level: LogLevel; message: string; fields: LogFields }> = [],
): Logger & {
  lines: typeof lines;
} {
  const make = (base: LogFields): Logger => ({
    debug: (message, fields = {}) =>
      lines.push({ level: 'debug', ...clean(message, { ...base, ...fields }) }),
    info: (message, fields = {}) =>
      lines.push({ level: 'info', ...clean(message, { ...base, ...fields }) }),
    warn: (message, fields = {}) =>
      lines.push({ level: 'warn', ...clean(message, { ...base, ...fields }) }),
    error: (message, fields = {}) =>
      lines.push({ level: 'error', ...clean(message, { ...base, ...fields }) }),
    child: (fields) => make({ ...base, ...fields }),
  });
  return Object.assign(make({}), { lines });
}
