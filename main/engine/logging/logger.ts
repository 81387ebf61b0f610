import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';

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
    const line = JSON.stringify({
      time: now().toISOString(),
      level,
      message,
      ...(redact({ ...base, ...fields }) as LogFields),
    });
    try {
      rotate();
      appendFileSync(options.path, line + '\n', { mode: 0o600 });
    } catch {
      // Logging must never take the engine down (disk full, permissions).
    }
    if (options.echo && ORDER[level] >= ORDER.warn) process.stderr.write(`${level}: ${message}\n`);
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
      lines.push({ level: 'debug', message, fields: redact({ ...base, ...fields }) as LogFields }),
    info: (message, fields = {}) =>
      lines.push({ level: 'info', message, fields: redact({ ...base, ...fields }) as LogFields }),
    warn: (message, fields = {}) =>
      lines.push({ level: 'warn', message, fields: redact({ ...base, ...fields }) as LogFields }),
    error: (message, fields = {}) =>
      lines.push({ level: 'error', message, fields: redact({ ...base, ...fields }) as LogFields }),
    child: (fields) => make({ ...base, ...fields }),
  });
  return Object.assign(make({}), { lines });
}
