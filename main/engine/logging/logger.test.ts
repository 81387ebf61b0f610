import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, createMemoryLogger } from './logger';

const KEY_ID = 'ASIAY34FZKBOKMUTVV7A';
const ECHO = `SignatureDoesNotMatch: authorization:AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/ec2/aws4_request`;

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('logger', () => {
  it('writes no credential to engine.log, from the message or any nested string field', () => {
    dir = mkdtempSync(join(tmpdir(), 'hib-log-'));
    const path = join(dir, 'engine.log');
    const logger = createFileLogger({ path }).child({ plan: 'dev' });
    logger.error(`call failed: ${ECHO}`, {
      error: ECHO,
      nested: { attempts: [{ message: ECHO }] },
      secretAccessKey: 'never-logged',
    });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(KEY_ID);
    expect(text).not.toContain('never-logged');
    const line = JSON.parse(text) as Record<string, unknown>;
    expect(line.plan).toBe('dev');
    expect(line.message).toContain('SignatureDoesNotMatch');
  });

  it('redacts the memory logger the same way', () => {
    const logger = createMemoryLogger();
    logger.warn(ECHO, { error: ECHO });
    expect(JSON.stringify(logger.lines)).not.toContain(KEY_ID);
  });
});
