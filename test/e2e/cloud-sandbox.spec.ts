import { SANDBOX_ACCOUNT_ID, SANDBOX_INSTANCE_IDS } from '../cloud/aws';
import {
  SANDBOX_CONTEXT,
  cloudTest as test,
  deploymentReplicas,
  instanceStates,
} from './cloud-sandbox';
import {
  addAwsConnection,
  addKubeConnection,
  dayInThreeDays,
  openSection,
  saveConnection,
  setWindowDays,
} from './cloud-steps';
import { expect, screenshot } from './fixtures';
import { chooseOverride } from './override-steps';

const IDS = SANDBOX_INSTANCE_IDS;
/** Selected by `Environment=dev` and not in an Auto Scaling group, EKS or Karpenter: what ec2 stops. */
const STOPPED_BY_PLAN = [IDS.web1, IDS.web2, IDS.api1];

test('against the emulators: connect, write a plan, dry-run, save, hibernate, wake and inspect what was captured', async ({
  page,
  serve,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await page.goto(serve.url);

  await addAwsConnection(page, {
    name: 'sandbox-aws',
    profile: sandbox.profile,
    region: sandbox.region,
    account: SANDBOX_ACCOUNT_ID,
    endpoint: sandbox.aws.url,
  });
  await screenshot(page, 'cloud-1-aws-connection-tested');
  await saveConnection(page, 'sandbox-aws');
  await addKubeConnection(page, {
    name: 'sandbox-kube',
    kubeconfigPath: sandbox.kubeconfigPath,
    context: SANDBOX_CONTEXT,
  });
  await screenshot(page, 'cloud-2-kube-connection-tested');
  await saveConnection(page, 'sandbox-kube');
  await page.getByRole('button', { name: 'Test sandbox-aws' }).click();
  await expect(page.getByRole('row', { name: 'Connection sandbox-aws' })).toContainText(
    `✓ Connected to account ${SANDBOX_ACCOUNT_ID}`,
  );

  // The plan, written in the form.
  await openSection(page, /^Plans/);
  await page.getByRole('link', { name: 'write a new plan' }).click();
  const form = page.getByRole('form', { name: 'Plan form' });
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await form.getByLabel('Name', { exact: true }).fill('sandbox-env');
  const zone = form.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('berlin');
  await page.getByRole('option', { name: /^Europe\/Berlin/ }).click();
  await expect(zone).toHaveValue('Europe/Berlin');
  await expect(form.getByText(/^Now \w{3} \d\d:\d\d GMT\+\d there/)).toBeVisible();
  await form.getByRole('button', { name: 'Remove window 2' }).click();
  await form.getByLabel('Window 1 start').fill('01:00');
  await form.getByLabel('Window 1 end').fill('02:00');
  await setWindowDays(page, 1, [dayInThreeDays()]);

  await form.getByLabel('Target 1 name').fill('web-servers');
  await form.getByLabel('Target 1 type').selectOption('ec2');
  await expect(form.getByLabel('Target 1 connection')).toHaveValue('sandbox-aws');
  // Live validation from the shared validator, next to the field it is about.
  await expect(form.getByText('selector: must say which instances to handle')).toBeVisible();
  await expect(save).toBeDisabled();
  const ids = form.getByLabel('Target 1 instance ids');
  await ids.fill('web-1');
  await expect(form.getByText('[0]: "web-1" is not an EC2 instance id')).toBeVisible();
  await expect(ids).toHaveAttribute('aria-invalid', 'true');
  await ids.fill('');
  await form.getByLabel('Target 1 tags').fill('Environment=dev');

  await form.getByRole('button', { name: 'Add target' }).click();
  await form.getByLabel('Target 2 name').fill('payments-apps');
  await form.getByLabel('Target 2 type').selectOption('workloadscaler');
  await expect(form.getByLabel('Target 2 connection')).toHaveValue('sandbox-kube');
  await form.getByLabel('Target 2 namespaces').fill('payments');

  // DAG: the workloads go to sleep before the servers (and wake after them).
  await form.getByLabel('Strategy', { exact: true }).selectOption('DAG');
  await form.getByRole('button', { name: 'Add dependency' }).click();
  await form.getByLabel('Dependency 1 from').selectOption('payments-apps');
  await form.getByLabel('Dependency 1 to').selectOption('web-servers');
  await expect(
    form.getByRole('img', { name: /^Shutdown order: First payments-apps; then web-servers/ }),
  ).toBeVisible();
  await expect(page.getByLabel('Plan YAML')).toHaveValue(/Environment: dev/);
  await expect(save).toBeEnabled();
  await screenshot(page, 'cloud-3-plan-editor');

  await page.getByRole('button', { name: 'Dry run plan' }).click();
  const dryRun = page.getByRole('region', { name: 'Dry run' });
  for (const id of STOPPED_BY_PLAN) await expect(dryRun).toContainText(`stop ${id}`);
  await expect(dryRun).toContainText(`skip ${IDS.api2}: already stopped`);
  await expect(dryRun).toContainText('scale payments/Deployment/api 3 → 0');
  await expect(dryRun).toContainText('scale payments/Deployment/worker 2 → 0');
  await screenshot(page, 'cloud-4-dry-run');

  const before = instanceStates(sandbox.aws);
  await save.click();
  await expect(page.getByRole('heading', { name: 'sandbox-env', level: 1 })).toBeVisible();
  const badge = page.locator('.plan-title').getByTestId('phase-badge');
  await expect(badge).toHaveText(/Awake/);

  await page.getByRole('tab', { name: 'Targets' }).click();
  await chooseOverride(page, 'Hibernate now');
  await expect(badge).toHaveText(/Asleep/, { timeout: 30_000 });
  const asleep = { ...before, ...Object.fromEntries(STOPPED_BY_PLAN.map((id) => [id, 'stopped'])) };
  await expect.poll(() => instanceStates(sandbox.aws), { timeout: 15_000 }).toEqual(asleep);
  expect(deploymentReplicas(sandbox.kube, 'payments')).toEqual({
    api: 0,
    worker: 0,
    'legacy-batch': 0,
    'ledger-audit': 1,
  });
  await expect(page.getByTestId('target-state')).toHaveText(['Completed', 'Completed']);
  await screenshot(page, 'cloud-5-asleep-targets');

  await page.getByRole('tab', { name: 'Restore points' }).click();
  const servers = page.getByRole('region', { name: 'Restore point of web-servers' });
  const resources = servers.getByRole('table', { name: 'Resources of web-servers' });
  for (const id of STOPPED_BY_PLAN) await expect(resources).toContainText(id);
  // Inspect: the state captured per instance is what the wake-up acts on.
  await expect(resources.getByRole('row', { name: new RegExp(IDS.web1) })).toContainText(
    '"wasRunning": true',
  );
  await expect(resources.getByRole('row', { name: new RegExp(IDS.api2) })).toContainText(
    '"wasRunning": false',
  );
  await expect(
    page
      .getByRole('region', { name: 'Restore point of payments-apps' })
      .getByRole('table', { name: 'Resources of payments-apps' }),
  ).toContainText('payments/Deployment/api');
  await screenshot(page, 'cloud-6-restore-points');

  await chooseOverride(page, 'Wake now');
  await expect(badge).toHaveText(/Awake/, { timeout: 30_000 });
  await expect.poll(() => instanceStates(sandbox.aws), { timeout: 15_000 }).toEqual(before);
  expect(deploymentReplicas(sandbox.kube, 'payments')).toEqual({
    api: 3,
    worker: 2,
    'legacy-batch': 0,
    'ledger-audit': 1,
  });
  await expect(servers).toContainText('consumed');
  await screenshot(page, 'cloud-7-awake-again');

  // The list: its week strip and the last cycle's result.
  await openSection(page, /^Plans/);
  const row = page.getByRole('row', { name: 'Plan sandbox-env' });
  await expect(row).toContainText('Woke up');
  await expect(
    row.getByRole('img', { name: /^Asleep \d+ h this week \(Europe\/Berlin\)$/ }),
  ).toBeVisible();
  await screenshot(page, 'cloud-8-plan-list');
});
