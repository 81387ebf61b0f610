import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const SECTIONS = { name: 'Sections' } as const;

export async function openSection(page: Page, section: RegExp): Promise<void> {
  await page.getByRole('navigation', SECTIONS).getByRole('link', { name: section }).click();
}

/** MON … SUN, three days after today (UTC): a one-hour window then keeps the plan awake now. */
export function dayInThreeDays(now = new Date()): string {
  return ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][(now.getUTCDay() + 3) % 7] ?? 'SUN';
}

/** Sets window `n` of the plan form to the given days only, with its day toggle buttons. */
export async function setWindowDays(page: Page, n: number, days: readonly string[]): Promise<void> {
  const toggles = page
    .getByRole('form', { name: 'Plan form' })
    .getByRole('group', { name: `Window ${n} days` });
  for (const day of ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']) {
    const button = toggles.getByRole('button', { name: day, exact: true });
    const pressed = (await button.getAttribute('aria-pressed')) === 'true';
    if (pressed !== days.includes(day)) await button.click();
    await expect(button).toHaveAttribute('aria-pressed', String(days.includes(day)));
  }
}

/** Adds the sandbox AWS connection through the form, tests it and saves it. */
export async function addAwsConnection(
  page: Page,
  input: { name: string; profile: string; region: string; account: string; endpoint: string },
): Promise<void> {
  await openSection(page, /^Connections/);
  await page.getByRole('link', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Connection form' });
  await form.getByLabel('Name', { exact: true }).fill(input.name);
  const profile = form.getByLabel('AWS profile');
  // The profile comes from the machine's AWS files, which the engine reads: it knows its region.
  await expect(form.locator(`datalist option[value="${input.profile}"]`)).toBeAttached();
  await profile.fill(input.profile);
  await expect(form.getByText(`Profile ${input.profile}: in config and credentials`)).toBeVisible();
  await expect(form.getByLabel('Region')).toHaveValue(input.region);
  await form.getByLabel('Account id').fill(input.account);
  await form.getByLabel('Endpoint').fill(input.endpoint);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status').filter({ hasText: '✓ Connected' })).toContainText(
    `account ${input.account}`,
  );
}

/** Adds the sandbox cluster by picking its kubeconfig context, tests it and saves it. */
export async function addKubeConnection(
  page: Page,
  input: { name: string; kubeconfigPath: string; context: string },
): Promise<void> {
  await openSection(page, /^Connections/);
  await page.getByRole('link', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Connection form' });
  await form.getByLabel('Kind').selectOption('K8SCluster');
  await form.getByLabel('Name', { exact: true }).fill(input.name);
  const picker = form.getByLabel('Kubeconfig context');
  await expect(picker.locator('option', { hasText: input.kubeconfigPath })).toHaveCount(1);
  const label = await picker
    .locator('option', { hasText: input.kubeconfigPath })
    .first()
    .textContent();
  await picker.selectOption({ label: label ?? '' });
  await expect(form.getByLabel('Kubeconfig path')).toHaveValue(input.kubeconfigPath);
  await expect(form.getByLabel('Context', { exact: true })).toHaveValue(input.context);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status').filter({ hasText: '✓ Connected' })).toContainText(
    'Kubernetes',
  );
}

export async function saveConnection(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('row', { name: `Connection ${name}` })).toBeVisible();
}
