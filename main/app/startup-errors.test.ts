import { describe, expect, it } from 'vitest';
import { DataDirError, EngineLockedError, DatabaseError } from '../engine';
import { startupErrorDialog } from './startup-errors';

describe('startupErrorDialog', () => {
  it('explains a data dir held by another engine', () => {
    const d = startupErrorDialog(
      new EngineLockedError('/data', {
        pid: 4242,
        host: 'serve',
        startedAt: '2026-11-26T08:00:00Z',
      }),
    );
    expect(d.title).toBe('Hibernator is already running');
    expect(d.message).toContain('serve, pid 4242');
    expect(d.detail).toMatch(/hibernator serve/);
  });

  it('passes on the database message and adds the fix for a wrong native module', () => {
    const plain = startupErrorDialog(
      new DatabaseError('DATABASE_TOO_NEW', 'The database was written by a newer Hibernator.'),
    );
    expect(plain).toMatchObject({
      title: 'Hibernator cannot open its database',
      detail: 'The database was written by a newer Hibernator.',
    });
    const abi = startupErrorDialog(
      new DatabaseError(
        'DATABASE_UNAVAILABLE',
        'Cannot open: was compiled against a different Node.js version using NODE_MODULE_VERSION 115.',
      ),
    );
    expect(abi.detail).toMatch(/npm start/);
  });

  it('covers an unusable data folder and anything else', () => {
    expect(
      startupErrorDialog(new DataDirError('Data directory /x is not usable (EACCES)')).title,
    ).toBe('Hibernator cannot use its data folder');
    expect(startupErrorDialog('boom')).toEqual({
      title: 'Hibernator could not start',
      message: 'Hibernator could not start.',
      detail: 'boom',
    });
  });
});
