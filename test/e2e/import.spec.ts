import { readFileSync } from 'node:fs';
import { expect, fixtureText, importThroughUi, screenshot, test } from './fixtures';

test('an empty data directory explains how to add a plan, and an imported plan is listed and survives a restart', async ({
  page,
  serve,
  restartServe,
}) => {
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
  await expect(page.getByLabel('YAML file')).toBeAttached();
  // The token left the address bar once it was read.
  expect(new URL(page.url()).hash).not.toContain('token');
  await screenshot(page, 'empty-state');

  await page.getByLabel('YAML file').setInputFiles('test/fixtures/plans/sequential-noop.yaml');
  await expect(page.getByLabel('YAML to import')).toHaveValue(/name: demo/);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  // The empty state gives way to the list as soon as the engine announces the new plan.
  const row = page.getByRole('row', { name: 'Plan demo' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('phase-badge')).toHaveText(
    /Awake|Asleep|Going to sleep…|Waking up…/,
  );
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Plans\s*1/ }),
  ).toBeVisible();
  await screenshot(page, 'plan-list');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export YAML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hibernator-plans.yaml');
  const exported = readFileSync((await file.path()) ?? '', 'utf8');
  expect(exported).toContain('kind: HibernatePlan');
  expect(exported).toContain('name: demo');

  const next = await restartServe();
  await page.goto(next.url);
  await expect(page.getByRole('row', { name: 'Plan demo' })).toBeVisible();
});

test('an invalid import lists each problem by document and field path and imports nothing', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await importThroughUi(page, fixtureText('invalid/bad-time.yaml'));
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toBeVisible();
  const errors = page.getByRole('list', { name: 'Errors in Document 1: HibernatePlan bad-time' });
  await expect(errors).toContainText('spec.schedule.offHours[0].start');
  await expect(errors).toContainText('"25:00" is not a time');
  await expect(errors).toContainText('spec.schedule.offHours[1].end');
  await expect(errors).toContainText('spec.schedule.offHours[3].end');
  await screenshot(page, 'import-errors');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
});
