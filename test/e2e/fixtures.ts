import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { type ServeProcess, startServe } from './serve-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export function fixtureText(relative: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', relative), 'utf8');
}

interface Fixtures {
  dataDir: string;
  serve: ServeProcess;
  /** Restarts `serve` on the same data directory (new port, new token). */
  restartServe: () => Promise<ServeProcess>;
  /** Console messages that report a Content-Security-Policy refusal; every test fails on any. */
  cspViolations: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hibernator-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  serve: async ({ dataDir }, use) => {
    let current = await startServe(dataDir);
    const holder = { get: () => current, set: (s: ServeProcess) => (current = s) };
    servers.set(dataDir, holder);
    await use(current);
    await holder.get().stop();
    servers.delete(dataDir);
  },
  restartServe: async ({ dataDir, serve }, use) => {
    await use(async () => {
      const holder = servers.get(dataDir);
      await (holder?.get() ?? serve).stop();
      const next = await startServe(dataDir);
      holder?.set(next);
      return next;
    });
  },
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        // Only refusals count: Chromium also warns that frame-ancestors is ignored in a <meta> CSP, which blocks nothing.
        if (
          /violates the following Content Security Policy|Refused to (load|execute|apply|evaluate|connect|frame)/i.test(
            text,
          )
        )
          violations.push(text);
      });
      page.on('pageerror', (error) => {
        if (/Content[- ]Security[- ]Policy|unsafe-eval|unsafe-inline/i.test(error.message))
          violations.push(error.message);
      });
      await use(violations);
      expect(violations, 'the page must not violate its Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
});

const servers = new Map<string, { get(): ServeProcess; set(s: ServeProcess): void }>();

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top, so sticky parts (sidebar, YAML pane) sit where a user sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Pastes YAML into the import panel and presses Import. */
export async function importThroughUi(page: Page, yaml: string): Promise<void> {
  await page.getByLabel('YAML to import').fill(yaml);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}
