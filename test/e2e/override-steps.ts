import type { Page } from '@playwright/test';

export type OverrideActionLabel = 'Hibernate now' | 'Wake now' | 'Keep awake' | 'Skip next sleep';

/** Any button of the choices group but its Cancel (the only button while the choices load). */
const A_CHOICE = /^(?!Cancel$)/;

/**
 * Runs an override action the way a person does: the button opens its choices, one is taken
 * (the first, i.e. the shortest, unless `choice` names another) and, when the window says it
 * asks first (a choice longer than 12 h), the confirmation is accepted. When the engine cannot
 * list choices, the fallback button ("… with its default end") is the first one instead.
 *
 * It waits for a real choice: while the engine works them out the group already shows Cancel,
 * and taking "the first button" then cancelled the action instead of running it.
 */
export async function chooseOverride(
  page: Page,
  action: OverrideActionLabel,
  choice: RegExp = A_CHOICE,
): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const group = page.getByRole('group', { name: `${action}: how long` });
  const button = group.getByRole('button', { name: choice }).first();
  // The title is read before the click: it says whether this choice is confirmed first.
  const asksFirst = ((await button.getAttribute('title')) ?? '').includes('asks first');
  await button.click();
  if (asksFirst)
    await page.getByRole('dialog').getByRole('button', { name: action, exact: true }).click();
}
