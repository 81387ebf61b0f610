import type { Connection } from '../../../shared/model';

/** Cloud clients for the target's connection, created lazily and cached per connection. */
export interface ClientProvider {
  /** Returns the named client set for the connection; executors narrow it with their own types. */
  get<T>(kind: string, connection: Connection | null): Promise<T>;
}
