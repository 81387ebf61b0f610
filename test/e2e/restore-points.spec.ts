import { awakeNoopPlan } from './awake-plan';
import { expect, importThroughUi, screenshot, test } from './fixtures';
import { chooseOverride } from './override-steps';

test('restore points can be patched, dropped and initialised, each after a confirmation that says what the wake-up will do', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await importThroughUi(page, awakeNoopPlan());
  await page.getByRole('link', { name: 'demo', exact: true }).click();
  await chooseOverride(page, 'Hibernate now');
  await expect(page.locator('.plan-title').getByTestId('phase-badge')).toHaveText(/Asleep/, {
    timeout: 20_000,
  });
  await page.getByRole('tab', { name: 'Restore points' }).click();

  // Patch: the engine checks the state against the executor's schema.
  const api = page.getByRole('region', { name: 'Restore point of api' });
  await api.getByRole('button', { name: 'Patch noop:api' }).click();
  let dialog = page.getByRole('dialog', { name: 'Patch noop:api?' });
  await expect(dialog).toContainText('At the next wake-up, api restores noop:api from this state');
  await dialog.getByLabel('State (JSON)').fill('{ "wasAwake": "yes" }');
  await dialog.getByRole('button', { name: 'Save patch' }).click();
  await expect(api.getByRole('alert')).toContainText('state.wasAwake');
  await api.getByRole('button', { name: 'Patch noop:api' }).click();
  dialog = page.getByRole('dialog', { name: 'Patch noop:api?' });
  await dialog.getByLabel('State (JSON)').fill('{ "wasAwake": false }');
  await dialog.getByRole('button', { name: 'Save patch' }).click();
  await expect(api.getByRole('table', { name: 'Resources of api' })).toContainText(
    '"wasAwake": false',
  );

  // Drop one resource.
  const database = page.getByRole('region', { name: 'Restore point of database' });
  await database.getByRole('button', { name: 'Drop noop:database' }).click();
  dialog = page.getByRole('dialog', { name: 'Drop noop:database?' });
  await expect(dialog).toContainText(
    'At the next wake-up, database will not restore noop:database',
  );
  await dialog.getByRole('button', { name: 'Drop resource' }).click();
  await expect(database.getByRole('table', { name: 'Resources of database' })).not.toContainText(
    'noop:database',
  );

  // Drop a whole point, then initialise an empty one so the wake-up can proceed.
  const frontend = page.getByRole('region', { name: 'Restore point of frontend' });
  await frontend.getByRole('button', { name: 'Drop the whole point…' }).click();
  dialog = page.getByRole('dialog', { name: 'Drop the restore point of frontend?' });
  await expect(dialog).toContainText('the next wake-up fails with “no restore point”');
  await dialog.getByRole('button', { name: 'Drop restore point' }).click();
  await page.getByRole('button', { name: 'Initialise empty point for frontend' }).click();
  dialog = page.getByRole('dialog', { name: 'Initialise an empty restore point for frontend?' });
  await expect(dialog).toContainText(
    'At the next wake-up, frontend succeeds without touching anything',
  );
  await screenshot(page, 'restore-init-dialog');
  await dialog.getByRole('button', { name: 'Initialise' }).click();
  await expect(page.getByRole('region', { name: 'Restore point of frontend' })).toBeVisible();

  await chooseOverride(page, 'Wake now');
  await expect(page.locator('.plan-title').getByTestId('phase-badge')).toHaveText(/Awake/, {
    timeout: 20_000,
  });
  await expect(page.getByRole('region', { name: 'Restore point of api' })).toContainText(
    'consumed',
  );
});
