import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';

// Every event here lies 90–110 days ahead: past the demo data (two months ahead) and apart from
// the other browser tests. Titles carry a run id so that repeated runs on one database differ.
const runId = Date.now().toString(36);
const companyTimeZone = 'Europe/Moscow';

function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function companyToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: companyTimeZone }).format(new Date());
}

/** The Monday (the demo company's week start) on or before `date`. */
function mondayOf(date: string): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

async function gql<T>(api: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await api.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Signs the request context (of a browser context, or a bare one) in; its cookie then carries the session. */
async function signInApi(api: APIRequestContext, email: string): Promise<string> {
  const data = await gql<{ login: { id: string } }>(
    api,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
    { email, password: demoPassword },
  );
  return data.login.id;
}

async function crewRoleId(api: APIRequestContext, name: string): Promise<string> {
  const { crewRoles } = await gql<{ crewRoles: Array<{ id: string; name: string }> }>(api, '{ crewRoles { id name } }');
  const role = crewRoles.find((candidate) => candidate.name === name);
  if (!role) throw new Error(`No crew role ${name}`);
  return role.id;
}

async function personIdByName(api: APIRequestContext, name: string, day: string): Promise<string> {
  const { crewSchedule } = await gql<{ crewSchedule: Array<{ person: { id: string; name: string } }> }>(
    api,
    'query ($from: Date!, $to: Date!) { crewSchedule(from: $from, to: $to) { person { id name } } }',
    { from: day, to: day },
  );
  const row = crewSchedule.find((candidate) => candidate.person.name === name);
  if (!row) throw new Error(`No person ${name}`);
  return row.person.id;
}

interface CreatedEvent {
  id: string;
  version: number;
}

async function createEvent(
  api: APIRequestContext,
  input: { title: string; startDate: string; endDate: string; seniorEngineerId?: string },
): Promise<CreatedEvent> {
  const data = await gql<{ createProductionEvent: { event: CreatedEvent } }>(
    api,
    'mutation ($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id version } } }',
    { input: { ...input, title: `${input.title} ${runId}` } },
  );
  return data.createProductionEvent.event;
}

async function assignCrew(api: APIRequestContext, eventId: string, userId: string, roleId: string): Promise<CreatedEvent> {
  const data = await gql<{ assignCrew: { event: CreatedEvent } }>(
    api,
    `mutation ($eventId: ID!, $userId: ID!, $crewRoleId: ID!) {
       assignCrew(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId) { event { id version } }
     }`,
    { eventId, userId, crewRoleId: roleId },
  );
  return data.assignCrew.event;
}

/** Left and right edges of an element on the page. */
async function horizontalEdges(locator: Locator): Promise<{ left: number; right: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return { left: box.x, right: box.x + box.width };
}

function scheduleEntry(page: Page, eventId: string, personId: string): Locator {
  return page.locator(`[data-testid="crew-schedule-entry"][data-event-id="${eventId}"][data-person-id="${personId}"]`);
}

test('the crew schedule places work on its days, marks double bookings, filters by role and links to events', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const api = await playwright.request.newContext({ baseURL });
  const managerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const colleagueContext = await browser.newContext();
  try {
    await signInApi(api, demoEmails.manager);
    const week = mondayOf(addDays(companyToday(), 91));
    const elena = await personIdByName(api, 'Elena Engineer', week);
    const ivan = await personIdByName(api, 'Ivan Petrov', week);
    const sound = await crewRoleId(api, 'Sound');
    const lighting = await crewRoleId(api, 'Lighting');
    const video = await crewRoleId(api, 'Video');

    // Elena works Tuesday–Thursday on one event and Thursday–Friday on another: Thursday twice.
    const tour = await createEvent(api, { title: 'Crew grid tour', startDate: addDays(week, 1), endDate: addDays(week, 3) });
    const gala = await createEvent(api, { title: 'Crew grid gala', startDate: addDays(week, 3), endDate: addDays(week, 4) });
    await assignCrew(api, tour.id, elena, sound);
    await assignCrew(api, gala.id, elena, lighting);
    await assignCrew(api, gala.id, ivan, video);

    const page = await managerContext.newPage();
    await signInApi(managerContext.request, demoEmails.manager);
    await page.goto(`/crew-schedule?start=${week}`);
    await expect(page.getByTestId('crew-schedule-grid')).toHaveAttribute('data-from', week);

    // The tour spans exactly the Tuesday, Wednesday and Thursday columns of Elena's row.
    const tourBar = scheduleEntry(page, tour.id, elena);
    await expect(tourBar).toBeVisible();
    await expect(tourBar).toHaveAttribute('data-from-date', addDays(week, 1));
    await expect(tourBar).toHaveAttribute('data-to-date', addDays(week, 3));
    const bar = await horizontalEdges(tourBar);
    const tuesday = await horizontalEdges(page.locator(`[data-testid="crew-schedule-day"][data-date="${addDays(week, 1)}"]`));
    const thursday = await horizontalEdges(page.locator(`[data-testid="crew-schedule-day"][data-date="${addDays(week, 3)}"]`));
    expect(bar.left).toBeGreaterThanOrEqual(tuesday.left - 1);
    expect(bar.left).toBeLessThan(tuesday.left + 8);
    expect(bar.right).toBeLessThanOrEqual(thursday.right + 1);
    expect(bar.right).toBeGreaterThan(thursday.right - 8);
    const elenaRow = await page.locator(`[data-testid="crew-schedule-person"][data-person-id="${elena}"]`).boundingBox();
    const barBox = await tourBar.boundingBox();
    expect(barBox!.y).toBeGreaterThanOrEqual(elenaRow!.y - 1);
    expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(elenaRow!.y + elenaRow!.height + 1);

    // Thursday is outlined red in Elena's row: exactly the days the server counts twice (on a
    // fresh database only Thursday; a database shared with earlier runs may hold more).
    const { crewSchedule } = await gql<{ crewSchedule: Array<{ person: { id: string }; conflictDays: string[] }> }>(
      api,
      'query ($from: Date!, $to: Date!) { crewSchedule(from: $from, to: $to) { person { id } conflictDays } }',
      { from: week, to: addDays(week, 6) },
    );
    const expectedConflictDays = crewSchedule.find((row) => row.person.id === elena)!.conflictDays;
    expect(expectedConflictDays).toContain(addDays(week, 3));
    const conflicts = page.locator(`[data-testid="crew-schedule-conflict"][data-person-id="${elena}"]`);
    await expect(conflicts).toHaveCount(expectedConflictDays.length);
    expect((await conflicts.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date')))).sort()).toEqual(
      [...expectedConflictDays].sort(),
    );
    const thursdayConflict = conflicts.and(page.locator(`[data-date="${addDays(week, 3)}"]`));
    await expect(thursdayConflict).toHaveCSS('outline-style', 'solid');
    await expect(thursdayConflict).toHaveCSS('outline-color', /rgb\(2\d\d, \d{1,2}, \d{1,2}\)/);
    await expect(scheduleEntry(page, gala.id, elena)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('crew-schedule-conflict.png') });

    // A colleague opening the schedule shows up as present.
    const colleagueId = await signInApi(colleagueContext.request, demoEmails.manager2);
    const colleague = await colleagueContext.newPage();
    await colleague.goto(`/crew-schedule?start=${week}`);
    await expect(page.locator(`[data-testid="crew-schedule-presence"] [data-person-id="${colleagueId}"]`)).toBeVisible();
    await colleague.close();

    // Live: work added elsewhere shows up without a reload.
    const marker = await page.evaluate(() => ((window as unknown as { e2eMarker?: number }).e2eMarker = Math.random()));
    const rehearsal = await createEvent(api, { title: 'Crew grid rehearsal', startDate: week, endDate: week });
    await assignCrew(api, rehearsal.id, ivan, sound);
    await expect(scheduleEntry(page, rehearsal.id, ivan)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker)).toBe(marker);

    // Only people working as Video this week; the filter is in the URL and survives a reload.
    await page.getByTestId('crew-schedule-role').click();
    await page.getByRole('option', { name: 'Video', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`crewRoleId=${video}`));
    await page.reload();
    await expect(page.getByTestId('crew-schedule-role')).toHaveValue('Video');
    await expect(page.getByTestId('crew-schedule-grid')).toHaveAttribute('data-from', week);
    await expect(page.locator(`[data-testid="crew-schedule-person"][data-person-id="${ivan}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="crew-schedule-person"][data-person-id="${elena}"]`)).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('crew-schedule-filtered.png') });

    // A cell opens its event.
    await scheduleEntry(page, gala.id, ivan).click();
    await expect(page).toHaveURL(new RegExp(`/events/${gala.id}$`));
  } finally {
    await managerContext.close();
    await colleagueContext.close();
    await api.dispose();
  }
});

test("an engineer's open cabinet shows being added and moved live, and the manager sees the acknowledgement", async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const manager = await playwright.request.newContext({ baseURL });
  const engineerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await signInApi(manager, demoEmails.manager);
    const engineerId = await signInApi(engineerContext.request, demoEmails.engineer);
    const engineer = await engineerContext.newPage();
    await engineer.goto('/me');
    const feed = engineer.getByTestId('cabinet-notifications');
    // Live once the subscription runs and what came before it has been read.
    await expect(feed).toHaveAttribute('data-live', 'true');

    const start = addDays(companyToday(), 97);
    const show = await createEvent(manager, { title: 'Cabinet live show', startDate: start, endDate: addDays(start, 1) });
    await assignCrew(manager, show.id, engineerId, await crewRoleId(manager, 'Sound'));

    const added = feed.locator(`[data-testid="cabinet-notification"][data-event-id="${show.id}"][data-kind="ADDED"]`);
    await expect(added).toBeVisible();
    await expect(added.locator('[data-testid="notification-change"][data-field="crew"] [data-testid="change-new"]')).toHaveText(
      'Egor Engineer (Sound)',
    );
    await expect(engineer.locator('[data-testid="notification-toast"][data-kind="ADDED"]').first()).toBeVisible();
    const myEvent = engineer.locator(`[data-testid="my-event"][data-event-id="${show.id}"]`);
    await expect(myEvent.getByTestId('my-event-role')).toContainText('Sound');
    await expect(myEvent.getByTestId('not-acknowledged')).toBeVisible();
    await engineer.screenshot({ path: testInfo.outputPath('cabinet-added.png'), fullPage: true });

    await added.getByTestId('acknowledge').click();
    await expect(added.getByTestId('acknowledged')).toBeVisible();
    await expect(myEvent.getByTestId('acknowledged')).toBeVisible();

    type CrewView = { productionEvent: { version: number; crew: Array<{ acknowledgedAt: string | null; person: { id: string } }> } };
    const crewQuery = 'query ($id: ID!) { productionEvent(id: $id) { version crew { acknowledgedAt person { id } } } }';
    const acknowledged = await gql<CrewView>(manager, crewQuery, { id: show.id });
    const mine = acknowledged.productionEvent.crew.find((member) => member.person.id === engineerId);
    expect(mine?.acknowledgedAt).toBeTruthy();
    await engineer.screenshot({ path: testInfo.outputPath('cabinet-acknowledged.png'), fullPage: true });

    // A move arrives as MOVED with the old and new days, and asks for a new acknowledgement.
    const newStart = addDays(start, 2);
    await gql(
      manager,
      `mutation ($id: ID!, $version: Int!, $startDate: Date!, $endDate: Date!) {
         moveProductionEvent(id: $id, expectedVersion: $version, startDate: $startDate, endDate: $endDate) { event { id } }
       }`,
      { id: show.id, version: acknowledged.productionEvent.version, startDate: newStart, endDate: addDays(newStart, 1) },
    );
    const moved = feed.locator(`[data-testid="cabinet-notification"][data-event-id="${show.id}"][data-kind="MOVED"]`);
    await expect(moved).toBeVisible();
    await expect(moved.locator('[data-testid="notification-change"][data-field="startDate"]')).toBeVisible();
    // The newest notification of the event offers it (a double booking caused by the move may follow).
    const newestOfShow = feed.locator(`[data-testid="cabinet-notification"][data-event-id="${show.id}"]`).first();
    await expect(newestOfShow.getByTestId('acknowledge')).toBeVisible();
    await expect(added.getByTestId('acknowledged')).toHaveCount(0);
    await expect(myEvent.getByTestId('not-acknowledged')).toBeVisible();
    await engineer.screenshot({ path: testInfo.outputPath('cabinet-moved.png'), fullPage: true });

    // "Mark all as seen" is remembered for this account: after a reload they are no longer new.
    await feed.getByTestId('notifications-mark-seen').click();
    await expect(feed.getByTestId('notifications-unseen-count')).toHaveCount(0);
    await engineer.reload();
    await expect(feed).toHaveAttribute('data-live', 'true');
    await expect(feed.locator(`[data-testid="cabinet-notification"][data-event-id="${show.id}"]`)).toHaveCount(0);
    await expect(myEvent.getByTestId('acknowledge')).toBeVisible();
  } finally {
    await engineerContext.close();
    await manager.dispose();
  }
});

test('on a phone the cabinet lists my events, soonest first, with my role', async ({ browser, playwright, baseURL }, testInfo) => {
  const manager = await playwright.request.newContext({ baseURL });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await signInApi(manager, demoEmails.manager);
    const elenaId = await signInApi(phone.request, demoEmails.engineer2);
    const first = addDays(companyToday(), 104);
    const rigging = await createEvent(manager, { title: 'Phone rigging day', startDate: first, endDate: first });
    await assignCrew(manager, rigging.id, elenaId, await crewRoleId(manager, 'Rigger'));
    const premiere = await createEvent(manager, {
      title: 'Phone premiere',
      startDate: addDays(first, 3),
      endDate: addDays(first, 3),
      seniorEngineerId: elenaId,
    });

    const page = await phone.newPage();
    await page.goto('/me');
    const riggingCard = page.locator(`[data-testid="my-event"][data-event-id="${rigging.id}"]`);
    const premiereCard = page.locator(`[data-testid="my-event"][data-event-id="${premiere.id}"]`);
    await riggingCard.scrollIntoViewIfNeeded();
    await expect(riggingCard).toBeVisible();
    await expect(riggingCard.getByTestId('my-event-role')).toContainText('Rigger');
    await expect(premiereCard.getByTestId('my-event-role')).toContainText('Senior engineer');
    await expect(riggingCard.getByTestId('acknowledge')).toBeVisible();
    const order = await page
      .getByTestId('my-event')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-event-id')));
    expect(order.indexOf(rigging.id)).toBeLessThan(order.indexOf(premiere.id));
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('cabinet-phone.png') });

    await riggingCard.getByTestId('my-event-link').click();
    await expect(page).toHaveURL(new RegExp(`/events/${rigging.id}$`));
  } finally {
    await phone.close();
    await manager.dispose();
  }
});
