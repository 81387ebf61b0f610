import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SECRET_KEY,
  type NotificationSink,
  type ObjectKeyReference,
} from '../../../shared/model';
import { CodedError } from '../errors/coded-error';
import { parseSinkConfig, type SinkConfig } from './sink-config';

export const SECRETS_FILE = 'notification-secrets.json';

/**
 * The file mirrors the operator's Secrets: `secrets.<Secret name>.<key>` holds what the Secret's
 * key would (the sink config as a JSON object). Sinks that share a secretRef share its config,
 * as in the cluster.
 */
interface SecretsFile {
  version: 1;
  secrets: Record<string, Record<string, unknown>>;
}

export class SinkSecretsError extends CodedError {
  constructor(message: string) {
    super('SECRETS_FILE_INVALID', message);
  }
}

/**
 * The one owner-only (0600) secrets file of a data directory, read on every use so that the
 * desktop, `serve` and the CLI see each other's changes (as `~/.aws/credentials`). Sink config is
 * never in the database, an export, a log line or an API answer.
 */
export class SinkSecrets {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, SECRETS_FILE);
  }

  private read(): SecretsFile {
    if (!existsSync(this.path)) return { version: 1, secrets: {} };
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      // Never quote the file: its text is the secret.
      throw new SinkSecretsError(
        `The notification secrets file ${this.path} is not valid JSON: fix it or delete it and set the sinks' config again.`,
      );
    }
    const secrets =
      typeof raw === 'object' && raw !== null && 'secrets' in raw ? raw.secrets : undefined;
    if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets))
      throw new SinkSecretsError(
        `The notification secrets file ${this.path} has no "secrets" map: fix it or delete it and set the sinks' config again.`,
      );
    return { version: 1, secrets: secrets as SecretsFile['secrets'] };
  }

  /** Written whole to a 0600 temp file and renamed: a reader never sees half a file. */
  private write(file: SecretsFile): void {
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.path);
    chmodSync(this.path, 0o600);
  }

  /** The raw value stored for a secretRef, or undefined. */
  private raw(ref: ObjectKeyReference): unknown {
    return this.read().secrets[ref.name]?.[ref.key ?? DEFAULT_SECRET_KEY];
  }

  /** The sink's checked config, or null when none is set or it does not fit the sink's type. */
  config(sink: NotificationSink): SinkConfig | null {
    const parsed = parseSinkConfig(sink.type, this.raw(sink.secretRef));
    return parsed.ok ? parsed.value : null;
  }

  configured(sink: NotificationSink): boolean {
    return this.config(sink) !== null;
  }

  set(ref: ObjectKeyReference, config: unknown): void {
    const file = this.read();
    const entry = { ...(file.secrets[ref.name] ?? {}) };
    entry[ref.key ?? DEFAULT_SECRET_KEY] = config;
    file.secrets[ref.name] = entry;
    this.write(file);
  }

  /** True when something was removed. */
  clear(ref: ObjectKeyReference): boolean {
    if (!existsSync(this.path)) return false;
    const file = this.read();
    const entry = file.secrets[ref.name];
    const key = ref.key ?? DEFAULT_SECRET_KEY;
    if (!entry || !(key in entry)) return false;
    const { [key]: _removed, ...rest } = entry;
    if (Object.keys(rest).length > 0) file.secrets[ref.name] = rest;
    else delete file.secrets[ref.name];
    this.write(file);
    return true;
  }
}
