import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test on its own (`npx playwright test -c test/electron/playwright.config.ts`).
 * It skips itself, with the reason printed, where no Electron binary was downloaded. The lead's
 * main config can include the same file as a project named `electron` instead.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /electron-smoke\.spec\.ts$/,
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  projects: [{ name: 'electron' }],
});
