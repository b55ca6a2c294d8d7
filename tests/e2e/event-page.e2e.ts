import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { assignCrew, createEvent, futureDay, gql, personId } from './support/api.ts';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Each test makes its own events, on days far from the demo data (which ends two months ahead)
// and from the other tests' days, so that no double booking comes from elsewhere.
const run = Date.now().toString(36);

async function apiSignIn(request: APIRequestContext, email: string): Promise<void> {
  await gql(request, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }', {
    email,
    password: demoPassword,
  });
}

async function firstCrewRoleId(request: APIRequestContext): Promise<string> {
  const data = await gql<{ crewRoles: Array<{ id: string }> }>(request, '{ crewRoles { id } }');
  return data.crewRoles[0]!.id;
}

async function readEvent(request: APIRequestContext, id: string) {
  const data = await gql<{
    productionEvent: { title: string; notes: string | null; deletedAt: string | null; crew: Array<{ person: { name: string }; overrideReason: string | null }> };
  }>(request, 'query ($id: ID!) { productionEvent(id: $id) { title notes deletedAt crew { person { name } overrideReason } } }', { id });
  return data.productionEvent;
}

// Tall enough for the edit form, so that screenshots show the whole page state.
const viewport = { width: 1280, height: 1200 };

async function signedInPage(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

async function openEvent(page: Page, id: string): Promise<void> {
  await page.goto(`/events/${id}`);
  await expect(page.getByTestId('event-page')).toBeVisible();
  // Live changes need the subscription: wait for the WebSocket.
  await expect(page.locator('[data-realtime-status="connected"]')).toHaveCount(1);
}

/** Clicks a day in the open calendar widget (English labels such as "12 June 2027"), paging forward if needed. */
async function pickDay(page: Page, day: string): Promise<void> {
  const label = new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const button = page.getByRole('button', { name: label, exact: true });
  for (let flips = 0; flips < 12 && !(await button.isVisible()); flips += 1) {
    await page.getByRole('button', { name: 'Next month' }).click();
  }
  await button.click();
}

/** Picks an option of a Mantine Select by typing part of its name. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole('option', { name: new RegExp(text) }).first().click();
}

test('a stale edit of the same field is refused with a clear message; other fields merge', async ({ browser }, testInfo) => {
  const a = await signedInPage(browser, demoEmails.manager);
  const b = await signedInPage(browser, demoEmails.manager2);
  try {
    const day = futureDay(150);
    const id = await createEvent(a.page.request, { title: `Stale edit ${run}`, startDate: day });
    await openEvent(a.page, id);
    await openEvent(b.page, id);

    // Each sees the other on the page; B opens the edit form and A sees "editing".
    await expect(a.page.locator('[data-testid="event-presence-person"][data-name="Marina Manager"]')).toBeVisible();
    await b.page.getByTestId('event-edit').click();
    await expect(b.page.getByTestId('event-edit-form')).toBeVisible();
    await expect(
      a.page.locator('[data-testid="event-presence-person"][data-name="Marina Manager"][data-editing="true"]'),
    ).toBeVisible({ timeout: 15_000 });
    await a.page.screenshot({ path: testInfo.outputPath('1-a-sees-b-editing.png') });

    // A changes the title and saves.
    await a.page.getByTestId('event-edit').click();
    await a.page.getByTestId('event-edit-title').fill(`A title ${run}`);
    await a.page.getByTestId('event-edit-save').click();
    await expect(a.page.getByTestId('event-title')).toHaveText(`A title ${run}`);
    // B's page follows live, and the open form says the event changed meanwhile.
    await expect(b.page.getByTestId('event-title')).toHaveText(`A title ${run}`);
    await expect(b.page.getByTestId('event-edit-changed-meanwhile')).toBeVisible();

    // B, still on the form opened before A's save, changes the title too.
    await b.page.getByTestId('event-edit-title').fill(`B title ${run}`);
    await b.page.getByTestId('event-edit-save').click();
    const conflict = b.page.getByTestId('event-edit-conflict');
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Maxim Manager');
    await expect(conflict).toContainText('title');
    await expect(b.page.getByTestId('event-title')).toHaveText(`A title ${run}`);
    await expect(b.page.getByTestId('event-edit-title')).toHaveValue(`A title ${run}`);
    await b.page.screenshot({ path: testInfo.outputPath('1-b-stale-title-refused.png') });
    await b.page.getByTestId('event-edit-cancel').click();

    // B opens the form again; A then changes the title once more; B's notes from the now stale form merge.
    await b.page.getByTestId('event-edit').click();
    await a.page.getByTestId('event-edit').click();
    await a.page.getByTestId('event-edit-title').fill(`A final ${run}`);
    await a.page.getByTestId('event-edit-save').click();
    await expect(b.page.getByTestId('event-edit-changed-meanwhile')).toBeVisible();
    await b.page.getByTestId('event-edit-notes').fill(`Notes from B ${run}`);
    await b.page.getByTestId('event-edit-save').click();
    await expect(b.page.getByTestId('event-edit-form')).toBeHidden();
    for (const page of [a.page, b.page]) {
      await expect(page.getByTestId('event-title')).toHaveText(`A final ${run}`);
      await expect(page.getByTestId('event-notes')).toHaveText(`Notes from B ${run}`);
    }
    await b.page.screenshot({ path: testInfo.outputPath('1-b-different-fields-merged.png') });
    const saved = await readEvent(a.page.request, id);
    expect(saved).toMatchObject({ title: `A final ${run}`, notes: `Notes from B ${run}` });
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('assigning an engineer busy that day shows the conflict inline with the other event linked', async ({ browser }, testInfo) => {
  const a = await signedInPage(browser, demoEmails.manager2);
  try {
    const day = futureDay(160);
    const request = a.page.request;
    const engineerId = await personId(request, 'Egor Engineer', day);
    const roleId = await firstCrewRoleId(request);
    const otherId = await createEvent(request, { title: `Other gig ${run}`, startDate: day });
    await assignCrew(request, otherId, engineerId, roleId);
    const id = await createEvent(request, { title: `Busy target ${run}`, startDate: day });
    await openEvent(a.page, id);

    // The picker marks him busy and names the other event before he is chosen.
    await a.page.getByTestId('crew-add-person').click();
    await a.page.getByTestId('crew-add-person').fill('Egor');
    const option = a.page.locator(`[data-testid="crew-person-option"][data-person-id="${engineerId}"]`);
    await expect(option).toHaveAttribute('data-busy', 'true');
    await expect(option).toContainText(`Other gig ${run}`);
    await a.page.screenshot({ path: testInfo.outputPath('2-picker-shows-busy.png') });
    await option.click();
    await expect(a.page.getByTestId('crew-add-busy-hint')).toContainText(`Other gig ${run}`);
    await choose(a.page, 'crew-add-role', '');
    await a.page.getByTestId('crew-add-submit').click();

    const warning = a.page.getByTestId('crew-conflict-warning');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('Egor Engineer');
    await expect(warning.locator(`a[href="/events/${otherId}"]`)).toHaveText(`Other gig ${run}`);
    await expect(a.page.locator(`[data-testid="crew-member"][data-person-id="${engineerId}"]`)).toBeVisible();
    await expect(
      a.page.locator('[data-testid="event-problem"][data-kind="CREW_CONFLICT"]').filter({ hasText: 'Egor Engineer' }),
    ).toBeVisible();
    await a.page.screenshot({ path: testInfo.outputPath('2-conflict-warning.png') });

    await warning.locator(`a[href="/events/${otherId}"]`).click();
    await expect(a.page).toHaveURL(new RegExp(`/events/${otherId}$`));
    await expect(a.page.getByTestId('event-title')).toHaveText(`Other gig ${run}`);
  } finally {
    await a.context.close();
  }
});

test('status buttons offer only the allowed transitions and change the status', async ({ browser }, testInfo) => {
  const a = await signedInPage(browser, demoEmails.manager2);
  try {
    const id = await createEvent(a.page.request, { title: `Status ${run}`, startDate: futureDay(165) });
    await openEvent(a.page, id);
    const transitions = a.page.locator('[data-testid^="status-transition-"]');
    const shown = () => transitions.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid')));

    await expect(a.page.getByTestId('event-status')).toHaveAttribute('data-status', 'DRAFT');
    expect(await shown()).toEqual(['status-transition-TENTATIVE', 'status-transition-CANCELLED']);
    await a.page.screenshot({ path: testInfo.outputPath('3-draft.png') });

    await a.page.getByTestId('status-transition-TENTATIVE').click();
    await expect(a.page.getByTestId('event-status')).toHaveAttribute('data-status', 'TENTATIVE');
    await expect(a.page.getByTestId('status-transition-CONFIRMED')).toBeVisible();
    expect(await shown()).toEqual(['status-transition-CONFIRMED', 'status-transition-CANCELLED']);

    await a.page.getByTestId('status-transition-CONFIRMED').click();
    await expect(a.page.getByTestId('event-status')).toHaveAttribute('data-status', 'CONFIRMED');
    await expect(a.page.getByTestId('status-transition-IN_PROGRESS')).toBeVisible();
    expect(await shown()).toEqual(['status-transition-IN_PROGRESS', 'status-transition-CANCELLED']);
    await a.page.screenshot({ path: testInfo.outputPath('3-confirmed.png') });

    await a.page.getByTestId('status-transition-CANCELLED').click();
    await expect(a.page.getByTestId('event-status')).toHaveAttribute('data-status', 'CANCELLED');
    await expect(a.page.getByTestId('status-transition-DRAFT')).toBeVisible();
    expect(await shown()).toEqual(['status-transition-DRAFT', 'status-transition-TENTATIVE']);
    await a.page.screenshot({ path: testInfo.outputPath('3-cancelled.png') });
  } finally {
    await a.context.close();
  }
});

test('an event goes to the trash and comes back', async ({ browser }, testInfo) => {
  const a = await signedInPage(browser, demoEmails.manager2);
  try {
    const id = await createEvent(a.page.request, { title: `Trash ${run}`, startDate: futureDay(170) });
    await openEvent(a.page, id);
    await a.page.getByTestId('event-delete').click();
    await a.page.getByTestId('event-delete-confirm').click();

    await expect(a.page.getByTestId('event-trash-banner')).toBeVisible();
    await expect(a.page.getByTestId('event-trash-banner')).toContainText('Marina Manager');
    await expect(a.page.getByTestId('event-edit')).toHaveCount(0);
    await expect(a.page.getByTestId('event-status-buttons')).toHaveCount(0);
    expect((await readEvent(a.page.request, id)).deletedAt).not.toBeNull();
    await a.page.screenshot({ path: testInfo.outputPath('4-in-trash.png') });

    await a.page.getByTestId('event-restore').click();
    await expect(a.page.getByTestId('event-trash-banner')).toBeHidden();
    await expect(a.page.getByTestId('event-edit')).toBeVisible();
    expect((await readEvent(a.page.request, id)).deletedAt).toBeNull();
    await a.page.screenshot({ path: testInfo.outputPath('4-restored.png') });
  } finally {
    await a.context.close();
  }
});

test('an event is duplicated to new dates with its crew and the copy opens', async ({ browser }, testInfo) => {
  const a = await signedInPage(browser, demoEmails.manager2);
  try {
    const start = futureDay(175);
    const request = a.page.request;
    const id = await createEvent(request, { title: `Duplicate ${run}`, startDate: start, endDate: futureDay(176) });
    await assignCrew(request, id, await personId(request, 'Elena Engineer', start), await firstCrewRoleId(request));
    await openEvent(a.page, id);

    await a.page.getByTestId('event-duplicate').click();
    // Pick the new first day in the calendar widget: 10 days after the original.
    const target = futureDay(185);
    await a.page.getByTestId('duplicate-start-date').click();
    await pickDay(a.page, target);
    await expect(a.page.getByTestId('duplicate-new-dates')).toBeVisible();
    await a.page.screenshot({ path: testInfo.outputPath('5-duplicate-dialog.png') });
    await a.page.getByTestId('duplicate-submit').click();

    await expect(a.page).not.toHaveURL(new RegExp(`/events/${id}$`));
    await expect(a.page.getByTestId('event-page')).not.toHaveAttribute('data-event-id', id);
    await expect(a.page.getByTestId('event-title')).toHaveText(`Duplicate ${run}`);
    await expect(a.page.getByTestId('event-status')).toHaveAttribute('data-status', 'DRAFT');
    await expect(a.page.locator('[data-testid="crew-member"][data-person-name="Elena Engineer"]')).toBeVisible();
    const copyId = await a.page.getByTestId('event-page').getAttribute('data-event-id');
    const copy = await gql<{ productionEvent: { startDate: string; endDate: string } }>(
      request,
      'query ($id: ID!) { productionEvent(id: $id) { startDate endDate } }',
      { id: copyId },
    );
    expect(copy.productionEvent).toEqual({ startDate: target, endDate: futureDay(186) });
    await a.page.screenshot({ path: testInfo.outputPath('5-copy-opened.png') });
  } finally {
    await a.context.close();
  }
});

test('an engineer on the crew sees the event read-only and acknowledges; the manager sees it live', async ({ browser }, testInfo) => {
  const manager = await signedInPage(browser, demoEmails.manager);
  const engineer = await signedInPage(browser, demoEmails.engineer);
  try {
    const day = futureDay(190);
    const request = manager.page.request;
    const engineerId = await personId(request, 'Egor Engineer', day);
    const id = await createEvent(request, { title: `Acknowledge ${run}`, startDate: day, notes: 'Bring ear protection' });
    await assignCrew(request, id, engineerId, await firstCrewRoleId(request));

    await openEvent(manager.page, id);
    const row = manager.page.locator(`[data-testid="crew-member"][data-person-id="${engineerId}"]`);
    await expect(row).toHaveAttribute('data-acknowledged', 'false');
    await expect(manager.page.getByTestId('crew-not-acknowledged-count')).toBeVisible();

    await openEvent(engineer.page, id);
    await expect(engineer.page.getByTestId('event-notes')).toHaveText('Bring ear protection');
    await expect(engineer.page.locator(`[data-testid="crew-member"][data-person-id="${engineerId}"]`)).toBeVisible();
    for (const hidden of ['event-edit', 'event-delete', 'event-duplicate', 'event-status-buttons', 'crew-add-form', 'crew-member-remove']) {
      await expect(engineer.page.getByTestId(hidden)).toHaveCount(0);
    }
    await expect(engineer.page.getByTestId('event-acknowledge')).toBeVisible();
    await engineer.page.screenshot({ path: testInfo.outputPath('6-engineer-read-only.png') });

    await engineer.page.getByTestId('event-acknowledge').click();
    await expect(engineer.page.getByTestId('event-acknowledge')).toHaveCount(0);
    // The manager's page follows without a reload.
    await expect(row).toHaveAttribute('data-acknowledged', 'true');
    await expect(manager.page.getByTestId('crew-not-acknowledged-count')).toHaveCount(0);
    await manager.page.screenshot({ path: testInfo.outputPath('6-manager-sees-acknowledged.png') });
  } finally {
    await manager.context.close();
    await engineer.context.close();
  }
});

test('under the BLOCK policy booking a busy person asks for a reason and books with it', async ({ browser }, testInfo) => {
  const admin = await browser.newContext();
  const a = await signedInPage(browser, demoEmails.manager2);
  await apiSignIn(admin.request, demoEmails.admin);
  try {
    const day = futureDay(195);
    const request = a.page.request;
    const engineerId = await personId(request, 'Elena Engineer', day);
    const roleId = await firstCrewRoleId(request);
    const otherId = await createEvent(request, { title: `Blocked other ${run}`, startDate: day });
    await assignCrew(request, otherId, engineerId, roleId);
    const id = await createEvent(request, { title: `Blocked target ${run}`, startDate: day });
    await gql(admin.request, 'mutation { updateCompanySettings(input: { crewDoubleBooking: BLOCK }) { crewDoubleBooking } }');
    await openEvent(a.page, id);

    await choose(a.page, 'crew-add-person', 'Elena');
    await choose(a.page, 'crew-add-role', '');
    await a.page.getByTestId('crew-add-submit').click();
    const prompt = a.page.getByTestId('blocked-booking');
    await expect(prompt).toBeVisible();
    await expect(prompt.locator(`a[href="/events/${otherId}"]`)).toHaveText(`Blocked other ${run}`);
    await expect(a.page.locator(`[data-testid="crew-member"][data-person-id="${engineerId}"]`)).toHaveCount(0);
    await a.page.screenshot({ path: testInfo.outputPath('7-blocked-asks-reason.png') });

    // A reason is required.
    await a.page.getByTestId('blocked-booking-confirm').click();
    await expect(a.page.getByTestId('blocked-booking-reason')).toHaveAttribute('aria-invalid', 'true');
    await a.page.getByTestId('blocked-booking-reason').fill('Only sound engineer who knows this desk');
    await a.page.getByTestId('blocked-booking-confirm').click();

    await expect(prompt).toBeHidden();
    const member = a.page.locator(`[data-testid="crew-member"][data-person-id="${engineerId}"]`);
    await expect(member).toBeVisible();
    await expect(member.getByTestId('crew-member-override')).toContainText('Only sound engineer who knows this desk');
    await a.page.screenshot({ path: testInfo.outputPath('7-booked-with-reason.png') });
    const saved = await readEvent(request, id);
    expect(saved.crew).toContainEqual({ person: { name: 'Elena Engineer' }, overrideReason: 'Only sound engineer who knows this desk' });
  } finally {
    await gql(admin.request, 'mutation { updateCompanySettings(input: { crewDoubleBooking: WARN }) { crewDoubleBooking } }');
    await admin.close();
    await a.context.close();
  }
});

test('every field is edited with inline validation; times, overnight and prep days show', async ({ browser }, testInfo) => {
  const a = await signedInPage(browser, demoEmails.manager2);
  try {
    const id = await createEvent(a.page.request, { title: `Fields ${run}`, startDate: futureDay(200) });
    await openEvent(a.page, id);
    await a.page.getByTestId('event-edit').click();

    // Checked before anything is sent.
    await a.page.getByTestId('event-edit-title').fill('  ');
    await a.page.getByTestId('event-edit-start-time').fill('20:00');
    await a.page.getByTestId('event-edit-end-time').fill('19:00');
    await a.page.getByTestId('event-edit-prep-days').fill('');
    await a.page.getByTestId('event-edit-save').click();
    await expect(a.page.getByTestId('event-edit-title')).toHaveAttribute('aria-invalid', 'true');
    await expect(a.page.getByTestId('event-edit-end-time')).toHaveAttribute('aria-invalid', 'true');
    await expect(a.page.getByTestId('event-edit-prep-days')).toHaveAttribute('aria-invalid', 'true');
    await expect(a.page.getByTestId('event-edit-form')).toContainText('Required');
    await a.page.screenshot({ path: testInfo.outputPath('8-inline-validation.png') });

    // Two show days from the range picker, an overnight end, prep and return days, a venue.
    await a.page.getByTestId('event-edit-title').fill(`Fields edited ${run}`);
    await a.page.getByTestId('event-edit-dates').click();
    await pickDay(a.page, futureDay(201));
    await pickDay(a.page, futureDay(202));
    await a.page.getByTestId('event-edit-end-time').fill('02:00');
    await a.page.getByTestId('event-edit-prep-days').fill('2');
    await a.page.getByTestId('event-edit-return-days').fill('1');
    await choose(a.page, 'event-edit-venue', 'Crocus City Hall');
    await a.page.getByTestId('event-edit-problem-note').fill('Stage plot still missing');
    await a.page.getByTestId('event-edit-save').click();

    await expect(a.page.getByTestId('event-edit-form')).toBeHidden();
    await expect(a.page.getByTestId('event-title')).toHaveText(`Fields edited ${run}`);
    await expect(a.page.getByTestId('event-times')).toHaveText('20:00 – 02:00');
    await expect(a.page.getByTestId('event-overnight')).toBeVisible();
    await expect(a.page.getByTestId('event-prep-return')).toContainText('2 prep days');
    await expect(a.page.getByTestId('event-prep-return')).toContainText('1 return day');
    await expect(a.page.getByTestId('event-venue')).toContainText('Crocus City Hall');
    await expect(a.page.locator('[data-testid="event-problem"][data-kind="MANUAL"]')).toContainText('Stage plot still missing');
    const saved = await gql<{ productionEvent: Record<string, unknown> }>(
      a.page.request,
      'query ($id: ID!) { productionEvent(id: $id) { startDate endDate startTime endTime endsNextDay prepDays returnDays } }',
      { id },
    );
    expect(saved.productionEvent).toEqual({
      startDate: futureDay(201),
      endDate: futureDay(202),
      startTime: '20:00',
      endTime: '02:00',
      endsNextDay: true,
      prepDays: 2,
      returnDays: 1,
    });
    await a.page.screenshot({ path: testInfo.outputPath('8-fields-saved.png') });
  } finally {
    await a.context.close();
  }
});
