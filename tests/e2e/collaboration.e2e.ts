import { expect, test, type Browser, type Page } from '@playwright/test';
import { assignCrew, createEvent, crewRoleId, futureDay, personId } from './support/api.ts';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Three people at once, each in their own browser: a manager on the event page, another manager on
// the calendar, and the engineer on their phone-sized cabinet.
const run = Date.now().toString(36);

async function personAt(browser: Browser, email: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function live(page: Page): Promise<void> {
  await expect(page.locator('[data-realtime-status="connected"]')).toHaveCount(1);
}

test('a double booking seen by three people: the assigning manager is warned, the other manager gets the toast, the engineer is notified live and acknowledges, and the manager sees it', async ({ browser }, testInfo) => {
  const maxim = await personAt(browser, demoEmails.manager);
  const marina = await personAt(browser, demoEmails.manager2);
  const egor = await personAt(browser, demoEmails.engineer, { width: 390, height: 844 });
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  try {
    const day = futureDay(230);
    const request = maxim.request;
    const egorId = await personId(request, 'Egor Engineer', day);
    const sound = await crewRoleId(request, 'Sound');
    const elsewhere = await createEvent(request, { title: `Elsewhere ${run}`, startDate: day, status: 'CONFIRMED' });
    await assignCrew(request, elsewhere, egorId, sound);
    const target = await createEvent(request, { title: `Three people ${run}`, startDate: day });

    await marina.goto(`/calendar?view=dayGridMonth&date=${day.slice(0, 8)}01`);
    await expect(marina.locator(`[data-testid="calendar-event"][data-event-id="${target}"]`).first()).toBeVisible();
    await live(marina);
    await egor.goto('/me');
    await expect(egor.getByTestId('cabinet-notifications')).toBeVisible();
    await live(egor);
    await maxim.goto(`/events/${target}`);
    await expect(maxim.getByTestId('event-page')).toBeVisible();
    await live(maxim);

    // Maxim puts Egor on the crew; the picker already says he is busy.
    await maxim.getByTestId('crew-add-person').click();
    await maxim.getByTestId('crew-add-person').fill('Egor');
    const option = maxim.locator(`[data-testid="crew-person-option"][data-person-id="${egorId}"]`);
    await expect(option).toHaveAttribute('data-busy', 'true');
    await option.click();
    await maxim.getByTestId('crew-add-role').click();
    await maxim.getByRole('option', { name: 'Sound' }).first().click();
    await maxim.getByTestId('crew-add-submit').click();
    const warning = maxim.getByTestId('crew-conflict-warning');
    await expect(warning).toContainText('Egor Engineer');
    await expect(warning.locator(`a[href="/events/${elsewhere}"]`)).toBeVisible();
    await shot(maxim, '1-manager-warned');

    // Marina, on the calendar, gets the conflict toast and sees the problem outline.
    const toast = marina.getByTestId('calendar-conflict-notice');
    await expect(toast).toContainText('Egor Engineer');
    // (Maxim manages both events, so he is double-booked too: at least Egor's problem is there.)
    await expect(marina.locator(`[data-testid="calendar-event"][data-event-id="${target}"]`).first()).toHaveAttribute('data-problems', /^[1-9]/);
    await shot(marina, '2-other-manager-toast');

    // Egor's cabinet shows the assignment live; he acknowledges it.
    const added = egor.locator(`[data-testid="cabinet-notification"][data-event-id="${target}"][data-kind="ADDED"]`);
    await expect(added).toBeVisible();
    await expect(egor.locator(`[data-testid="cabinet-notification"][data-event-id="${target}"][data-kind="CONFLICT"]`)).toBeVisible();
    await shot(egor, '3-engineer-notified');
    await egor.locator(`[data-testid="cabinet-notification"][data-event-id="${target}"]`).first().getByTestId('acknowledge').click();
    await expect(egor.locator(`[data-testid="cabinet-notification"][data-event-id="${target}"]`).first().getByTestId('acknowledged')).toBeVisible();

    // Maxim sees the acknowledgement without reloading.
    await expect(maxim.getByTestId('crew-not-acknowledged-count')).toHaveCount(0);
    await shot(maxim, '4-manager-sees-acknowledgement');
  } finally {
    for (const page of [maxim, marina, egor]) await page.context().close();
  }
});
