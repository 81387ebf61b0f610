import { plansAndConnections } from './001-plans-and-connections';
import { restorePoints } from './002-restore-points';
import { history } from './003-history';
import { notifications } from './004-notifications';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every schema change ever shipped, in order. Never edit a shipped migration: add one. */
export const MIGRATIONS: readonly Migration[] = [
  plansAndConnections,
  restorePoints,
  history,
  notifications,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
