import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// ---------------------------------------------------------------------------------------------
// Dates. Every test works in a month of its own, past the demo data (which reaches two months
// ahead), so bars never meet the demo's or another test's.

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function shiftDays(day: string, days: number): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return isoDay(new Date(Date.UTC(year, month - 1, date + days)));
}

/** The first day of the month `offset` months from now. */
function monthStart(offset: number): string {
  const now = new Date();
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)));
}

/** A day of the `week`-th (0-based) Monday-to-Sunday week that starts inside the month. */
function dayOfWeek(month: string, week: number, isoWeekday: number): string {
  const first = new Date(`${month}T00:00:00Z`);
  const toMonday = (8 - (first.getUTCDay() === 0 ? 7 : first.getUTCDay())) % 7;
  return shiftDays(month, toMonday + week * 7 + isoWeekday - 1);
}

const uid = () => Math.random().toString(36).slice(2, 8);

// ---------------------------------------------------------------------------------------------
// GraphQL from the test, with a signed-in browser context's cookie.

interface CreatedEvent {
  id: string;
  version: number;
  title: string;
}

async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, baseUrl = '') {
  const response = await request.post(`${baseUrl}/graphql`, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return body;
}

async function mustGraphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, baseUrl = ''): Promise<T> {
  const body = await graphql<T>(request, query, variables, baseUrl);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function createEvent(
  request: APIRequestContext,
  input: { title: string; startDate: string; endDate: string; status?: string; prepDays?: number; returnDays?: number },
  baseUrl = '',
): Promise<CreatedEvent> {
  const data = await mustGraphql<{ createProductionEvent: { event: CreatedEvent } }>(
    request,
    `mutation ($input: CreateProductionEventInput!) {
      createProductionEvent(input: $input) { event { id version title } }
    }`,
    // No manager: nobody is double-booked by the test's own events.
    { input: { managerId: null, status: 'DRAFT', ...input } },
    baseUrl,
  );
  return data.createProductionEvent.event;
}

async function moveEvent(request: APIRequestContext, event: { id: string; version: number }, startDate: string, endDate: string) {
  const data = await mustGraphql<{ moveProductionEvent: { event: CreatedEvent } }>(
    request,
    `mutation ($id: ID!, $v: Int!, $s: Date!, $e: Date!) {
      moveProductionEvent(id: $id, expectedVersion: $v, startDate: $s, endDate: $e) { event { id version title } }
    }`,
    { id: event.id, v: event.version, s: startDate, e: endDate },
  );
  return data.moveProductionEvent.event;
}

async function readEvent(request: APIRequestContext, id: string) {
  const data = await mustGraphql<{
    productionEvent: {
      id: string;
      version: number;
      startDate: string;
      endDate: string;
      status: string;
      title: string;
      client: { name: string } | null;
      venue: { name: string } | null;
    };
  }>(
    request,
    `query ($id: ID!) { productionEvent(id: $id) { id version startDate endDate status title client { name } venue { name } } }`,
    { id },
  );
  return data.productionEvent;
}

// ---------------------------------------------------------------------------------------------
// The calendar page.

async function openMonth(page: Page, month: string, query = '') {
  await page.goto(`/calendar?view=dayGridMonth&date=${month}${query}`);
  await expect(page.getByTestId('calendar-page')).toBeVisible();
  await expect(page.locator(`[role="cell"][data-date="${month}"]`)).toBeVisible();
}

function bars(page: Page, eventId: string): Locator {
  return page.locator(`[data-testid="calendar-event"][data-event-id="${eventId}"]:not([data-mirror])`);
}

function dayCell(page: Page, day: string): Locator {
  return page.locator(`[role="cell"][data-date="${day}"]`);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box');
  return found;
}

/** A popover opened from `anchor` sits next to it (just below or above, overlapping it sideways), not somewhere else on the page. */
async function expectNextTo(popover: Locator, anchor: { x: number; y: number; width: number; height: number }) {
  const at = await box(popover);
  const gap = Math.min(Math.abs(at.y - (anchor.y + anchor.height)), Math.abs(at.y + at.height - anchor.y));
  expect(gap, 'vertical gap between the popover and what opened it').toBeLessThan(24);
  expect(at.x < anchor.x + anchor.width && at.x + at.width > anchor.x, 'the popover overlaps its anchor sideways').toBe(true);
}

/** Presses on `from`, moves in small steps to `to` and lets go: a real drag. */
async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, beforeDrop?: () => Promise<void>) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  if (beforeDrop) await beforeDrop();
  await page.mouse.move(to.x + 1, to.y, { steps: 2 });
  await page.mouse.up();
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function newSignedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

// ---------------------------------------------------------------------------------------------

test('a drag and an edge drag by one manager appear in the other manager’s calendar within 2 s', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  const b = await newSignedInPage(browser, demoEmails.manager);
  try {
    const month = monthStart(4);
    const tuesday = dayOfWeek(month, 1, 2);
    const event = await createEvent(a.request, { title: `Drag ${uid()}`, startDate: tuesday, endDate: shiftDays(tuesday, 1) });
    await openMonth(a, month);
    await openMonth(b, month);
    await expect(bars(a, event.id)).toBeVisible();
    await expect(bars(b, event.id)).toBeVisible();
    const marker = await b.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = Math.random()));
    // B notes how the moved bar looks the moment it enters the page (before anything is painted).
    await b.evaluate((id) => {
      const appearances: string[] = [];
      (window as unknown as { e2eAppearances: string[] }).e2eAppearances = appearances;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof HTMLElement)) continue;
            const bar = node.querySelector(`[data-testid="calendar-event"][data-event-id="${id}"]:not([data-mirror])`);
            const wrapper = bar?.closest('[role="listitem"]');
            if (wrapper) appearances.push(getComputedStyle(wrapper).visibility);
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    }, event.id);
    await shot(a, testInfo, '1-before-drag');

    // Move Tue–Wed to Thu–Fri by dragging the bar two days to the right.
    const bar = await box(bars(a, event.id));
    const tuesdayCell = await box(dayCell(a, tuesday));
    const thursdayCell = await box(dayCell(a, shiftDays(tuesday, 2)));
    const grip = { x: tuesdayCell.x + 20, y: bar.y + bar.height / 2 };
    await dragBetween(a, grip, { x: thursdayCell.x + 20, y: grip.y });
    const thursday = shiftDays(tuesday, 2);
    await expect(bars(b, event.id)).toHaveAttribute('data-start', thursday, { timeout: 2_000 });
    await expect(bars(b, event.id)).toHaveAttribute('data-end', shiftDays(thursday, 1));
    const bBar = await box(bars(b, event.id));
    const bThursday = await box(dayCell(b, thursday));
    expect(Math.abs(bBar.x - bThursday.x)).toBeLessThan(12);
    // No flicker: the bar comes in visible at its place, not hidden until a second layout pass has measured it.
    const appearances = await b.evaluate(() => (window as unknown as { e2eAppearances: string[] }).e2eAppearances);
    expect(appearances.length).toBeGreaterThan(0);
    expect(appearances.every((visibility) => visibility === 'visible')).toBe(true);
    await shot(b, testInfo, '1-after-drag-seen-by-b');

    // Resize: drag the end edge from Friday to Saturday.
    const root = a.locator('[role="button"]', { has: bars(a, event.id) }).first();
    // The resize handles show on hover.
    await root.hover();
    const endHandle = await box(root.locator(':scope > div').last());
    const saturdayCell = await box(dayCell(a, shiftDays(thursday, 2)));
    await a.mouse.move(endHandle.x + endHandle.width / 2, endHandle.y + endHandle.height / 2);
    await dragBetween(
      a,
      { x: endHandle.x + endHandle.width / 2, y: endHandle.y + endHandle.height / 2 },
      { x: saturdayCell.x + saturdayCell.width / 2, y: endHandle.y + endHandle.height / 2 },
    );
    await expect(bars(b, event.id)).toHaveAttribute('data-end', shiftDays(thursday, 2), { timeout: 2_000 });
    await expect(bars(b, event.id)).toHaveAttribute('data-start', thursday);
    await shot(b, testInfo, '1-after-resize-seen-by-b');

    const saved = await readEvent(a.request, event.id);
    expect([saved.startDate, saved.endDate, saved.version]).toEqual([thursday, shiftDays(thursday, 2), event.version + 2]);
    // Live, not reloaded.
    expect(await b.evaluate(() => (window as unknown as { e2eMarker: number }).e2eMarker)).toBe(marker);
  } finally {
    await a.context().close();
    await b.context().close();
  }
});

test('create an event from a selected range with the date-range picker, an inline new client and a venue', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  const b = await newSignedInPage(browser, demoEmails.manager);
  try {
    const month = monthStart(5);
    const monday = dayOfWeek(month, 1, 1);
    await openMonth(a, month);
    await openMonth(b, month);

    // Select Monday–Wednesday on the calendar.
    const mondayCell = await box(dayCell(a, monday));
    const wednesdayCell = await box(dayCell(a, shiftDays(monday, 2)));
    await dragBetween(
      a,
      { x: mondayCell.x + mondayCell.width / 2, y: mondayCell.y + mondayCell.height - 12 },
      { x: wednesdayCell.x + wednesdayCell.width / 2, y: wednesdayCell.y + wednesdayCell.height - 12 },
    );
    const dialog = a.getByTestId('create-event-dialog');
    await expect(a.getByTestId('create-event-title')).toBeVisible();
    const datesInput = a.getByTestId('create-event-dates');
    const longDate = (day: string) =>
      new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    await expect(datesInput).toContainText(longDate(monday));
    await expect(datesInput).toContainText(longDate(shiftDays(monday, 2)));
    await shot(a, testInfo, '2-dialog-from-selection');

    // Change the days with the picker: Tuesday to Thursday, two clicks on the calendar widget.
    const tuesday = shiftDays(monday, 1);
    const thursday = shiftDays(monday, 3);
    await datesInput.click();
    const dayButton = (day: string) => a.getByRole('button', { name: longDate(day), exact: true });
    await dayButton(tuesday).click();
    await dayButton(thursday).click();
    await expect(datesInput).toContainText(longDate(tuesday));
    await expect(datesInput).toContainText(longDate(thursday));

    const title = `Created in dialog ${uid()}`;
    await a.getByTestId('create-event-title').fill(title);
    const clientName = `Inline client ${uid()}`;
    await a.getByTestId('new-client').click();
    await a.getByTestId('new-client-name').fill(clientName);
    await a.getByTestId('new-client-phone').fill(`+7 913 ${Math.floor(1_000_000 + Math.random() * 8_999_999)}`);
    await a.getByTestId('new-client-save').click();
    await expect(a.getByTestId('create-event-client')).toHaveValue(clientName);
    await a.getByTestId('create-event-venue').click();
    const venueOption = a.getByRole('option').first();
    const venueName = (await venueOption.textContent())?.trim() ?? '';
    await venueOption.click();
    await dialog.getByText('Tentative', { exact: true }).click();
    await shot(a, testInfo, '2-dialog-filled');
    await a.getByTestId('create-event-submit').click();
    await expect(a.getByTestId('create-event-title')).toBeHidden();

    const created = a.getByTestId('calendar-event').filter({ hasText: title });
    await expect(created).toBeVisible();
    const id = (await created.getAttribute('data-event-id')) ?? '';
    await expect(created).toHaveAttribute('data-start', tuesday);
    await expect(created).toHaveAttribute('data-end', thursday);
    // The other manager's calendar gets it live.
    await expect(bars(b, id)).toBeVisible();
    await expect(bars(b, id)).toHaveAttribute('data-status', 'TENTATIVE');
    await shot(b, testInfo, '2-created-seen-by-b');

    const saved = await readEvent(a.request, id);
    expect(saved).toMatchObject({ startDate: tuesday, endDate: thursday, status: 'TENTATIVE', title, client: { name: clientName }, venue: { name: venueName } });

    // The hover card tells the details.
    await created.hover();
    const card = a.getByTestId('calendar-event-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText(clientName);
    await expect(card).toContainText(venueName);
    await expect(card).toContainText('3 days');
    await shot(a, testInfo, '2-hover-card');

    // A click opens the event page.
    await created.click();
    await expect(a).toHaveURL(new RegExp(`/events/${id}$`));
  } finally {
    await a.context().close();
    await b.context().close();
  }
});

test('a Sunday–Monday event keeps its bar on both week rows when neighbours are created', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  try {
    const month = monthStart(6);
    const sunday = dayOfWeek(month, 1, 7);
    const monday = shiftDays(sunday, 1);
    const event = await createEvent(a.request, { title: `Sun–Mon ${uid()}`, startDate: sunday, endDate: monday, status: 'CONFIRMED' });
    await openMonth(a, month);
    const segments = bars(a, event.id);
    await expect(segments).toHaveCount(2);

    // Where each segment sits inside its day cell (row) before anything else exists.
    const placement = async () => {
      const result: { row: number; offset: number; x: number }[] = [];
      for (const [index, day] of [sunday, monday].entries()) {
        const cell = await box(dayCell(a, day));
        const segment = await box(segments.nth(index));
        result.push({ row: Math.round(cell.y), offset: Math.round(segment.y - cell.y), x: Math.round(segment.x - cell.x) });
      }
      return result;
    };
    const before = await placement();
    expect(before[1]!.row).toBeGreaterThan(before[0]!.row);
    expect(before[0]!.offset).toBe(before[1]!.offset);
    await shot(a, testInfo, '3-sun-mon-before');

    // Neighbours that would sort before it by start or length: Saturday–Sunday, Sunday–Wednesday, Monday–Tuesday.
    const neighbours = [
      await createEvent(a.request, { title: `Sat–Sun ${uid()}`, startDate: shiftDays(sunday, -1), endDate: sunday, status: 'TENTATIVE' }),
      await createEvent(a.request, { title: `Sun–Wed ${uid()}`, startDate: sunday, endDate: shiftDays(sunday, 3) }),
      await createEvent(a.request, { title: `Mon–Tue ${uid()}`, startDate: monday, endDate: shiftDays(monday, 1) }),
    ];
    for (const neighbour of neighbours) await expect(bars(a, neighbour.id).first()).toBeVisible();
    await expect(segments).toHaveCount(2);
    expect(await placement()).toEqual(before);
    await shot(a, testInfo, '3-sun-mon-after-neighbours');

    // And after a reload (the whole window loaded at once) it is still on the same rows.
    await a.reload();
    await expect(segments).toHaveCount(2);
    await expect(bars(a, neighbours[2]!.id)).toBeVisible();
    expect(await placement()).toEqual(before);
  } finally {
    await a.context().close();
  }
});

test('a busy day in the month shows its six oldest bars and "+N more" with the rest; a live event joins the count', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  try {
    const month = monthStart(12);
    const day = dayOfWeek(month, 2, 3);
    const created: CreatedEvent[] = [];
    for (let i = 1; i <= 8; i++) created.push(await createEvent(a.request, { title: `Busy ${i} ${uid()}`, startDate: day, endDate: day }));
    await openMonth(a, month);
    const cell = dayCell(a, day);
    await expect(cell.getByTestId('calendar-event')).toHaveCount(6);
    for (const event of created.slice(0, 6)) await expect(bars(a, event.id)).toBeVisible();
    await expect(cell.getByText('+2 more')).toBeVisible();
    // Its tooltip counts the same events (FullCalendar's own title counted only the one bar it hides).
    await expect(cell.locator('[title]:not([title=""])')).toHaveCount(1);
    await expect(cell.getByTestId('calendar-more-link')).toHaveAttribute('title', 'Show 2 more events');
    await shot(a, testInfo, 'busy-day-more');

    // Someone adds a ninth: the count follows live, the six oldest stay.
    created.push(await createEvent(a.request, { title: `Busy 9 ${uid()}`, startDate: day, endDate: day }));
    await expect(cell.getByText('+3 more')).toBeVisible({ timeout: 2_000 });
    await expect(cell.getByTestId('calendar-more-link')).toHaveAttribute('title', 'Show 3 more events');
    await expect(cell.getByTestId('calendar-event')).toHaveCount(6);

    const link = cell.getByText('+3 more');
    const linkBox = await box(link);
    await link.click();
    // Our own list of the day (FullCalendar's would list only the events it holds): all nine, oldest first.
    const list = a.getByTestId('calendar-day-popover');
    await expect(list.getByTestId('calendar-event')).toHaveCount(9);
    for (const event of created.slice(6)) await expect(list.locator(`[data-event-id="${event.id}"]`)).toBeVisible();
    await expectNextTo(list, linkBox);
    // The calendar's one hover card serves the list's bars too.
    const ninth = list.locator(`[data-event-id="${created[8]!.id}"]`);
    await ninth.hover();
    await expect(a.getByTestId('calendar-card-title')).toHaveText(created[8]!.title);
    await expectNextTo(a.getByTestId('calendar-event-card'), await box(ninth));
    await shot(a, testInfo, 'busy-day-popover');

    // The open list follows live changes: a tenth event created meanwhile joins it, last.
    created.push(await createEvent(a.request, { title: `Busy 10 ${uid()}`, startDate: day, endDate: day }));
    await expect(list.getByTestId('calendar-event')).toHaveCount(10, { timeout: 2_000 });
    await expect(list.getByTestId('calendar-event').last()).toHaveAttribute('data-event-id', created[9]!.id);
  } finally {
    await a.context().close();
  }
});

test('a multi-day bar is never cut into pieces: where one of its days is full, the week shows it under "+N more" on each of its days', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  try {
    const month = monthStart(13);
    const wednesday = dayOfWeek(month, 2, 3);
    const [tuesday, thursday] = [shiftDays(wednesday, -1), shiftDays(wednesday, 1)];
    for (let i = 1; i <= 6; i++) await createEvent(a.request, { title: `Full ${i} ${uid()}`, startDate: wednesday, endDate: wednesday });
    // Newer than the six, so below them on Wednesday, where a day draws six bars.
    const long = await createEvent(a.request, { title: `Long ${uid()}`, startDate: tuesday, endDate: thursday });
    await openMonth(a, month);
    await expect(dayCell(a, wednesday).getByTestId('calendar-event')).toHaveCount(6);
    // Tuesday and Thursday have room, but a piece there would read as a one-day event.
    for (const day of [tuesday, wednesday, thursday]) await expect(dayCell(a, day).getByText('+1 more')).toBeVisible();
    await expect(bars(a, long.id)).toHaveCount(0);
    await shot(a, testInfo, 'multi-day-under-more');

    await dayCell(a, tuesday).getByText('+1 more').click();
    await expect(a.getByTestId('calendar-day-popover').locator(`[data-event-id="${long.id}"]`)).toBeVisible();
  } finally {
    await a.context().close();
  }
});

test('filters are kept in the URL, survive a reload and apply to live changes', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  try {
    const month = monthStart(7);
    const wednesday = dayOfWeek(month, 1, 3);
    const confirmed = await createEvent(a.request, { title: `Confirmed ${uid()}`, startDate: wednesday, endDate: wednesday, status: 'CONFIRMED' });
    const tentative = await createEvent(a.request, {
      title: `Tentative ${uid()}`,
      startDate: wednesday,
      endDate: shiftDays(wednesday, 1),
      status: 'TENTATIVE',
    });
    await openMonth(a, month);
    await expect(bars(a, confirmed.id)).toBeVisible();
    await expect(bars(a, tentative.id)).toBeVisible();

    await a.getByTestId('filter-confirmed').click();
    await expect(a).toHaveURL(/confirmed=1/);
    await expect(bars(a, tentative.id)).toHaveCount(0);
    // A closed filter keeps no options in the page (a person filter of a large company held hundreds).
    await expect(a.getByRole('option', { includeHidden: true })).toHaveCount(0);
    await a.getByTestId('filter-statuses').click();
    await a.getByRole('option', { name: 'Confirmed', exact: true }).click();
    await a.keyboard.press('Escape');
    await expect(a).toHaveURL(/status=CONFIRMED/);
    await expect(bars(a, confirmed.id)).toBeVisible();
    await shot(a, testInfo, '4-filtered');

    await a.reload();
    await expect(a).toHaveURL(/confirmed=1/);
    await expect(a).toHaveURL(/status=CONFIRMED/);
    await expect(a.getByTestId('filter-confirmed')).toBeChecked();
    await expect(bars(a, confirmed.id)).toBeVisible();
    await expect(bars(a, tentative.id)).toHaveCount(0);
    await shot(a, testInfo, '4-filtered-after-reload');

    // Live changes obey the filters: the tentative one confirmed elsewhere appears, a cancelled one goes.
    await mustGraphql(a.request, `mutation ($id: ID!, $v: Int!) { changeProductionEventStatus(id: $id, expectedVersion: $v, status: CONFIRMED) { event { id } } }`, {
      id: tentative.id,
      v: tentative.version,
    });
    await expect(bars(a, tentative.id)).toBeVisible();
    await mustGraphql(a.request, `mutation ($id: ID!, $v: Int!) { changeProductionEventStatus(id: $id, expectedVersion: $v, status: CANCELLED) { event { id } } }`, {
      id: confirmed.id,
      v: confirmed.version,
    });
    await expect(bars(a, confirmed.id)).toHaveCount(0);
    await shot(a, testInfo, '4-live-changes-filtered');

    await a.getByTestId('filter-clear').click();
    await expect(a).not.toHaveURL(/confirmed=1/);
    await expect(bars(a, confirmed.id)).toBeVisible();
  } finally {
    await a.context().close();
  }
});

test('the Russian interface shows Russian month names, dates and plurals', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.admin);
  try {
    const month = monthStart(8);
    const monday = dayOfWeek(month, 1, 1);
    const first = await createEvent(a.request, { title: `Ru one ${uid()}`, startDate: monday, endDate: shiftDays(monday, 1) });
    await createEvent(a.request, { title: `Ru two ${uid()}`, startDate: shiftDays(monday, 2), endDate: shiftDays(monday, 2) });
    await openMonth(a, month);
    await expect(a.getByTestId('calendar-event-count')).toHaveText('2 events');

    // Switch the account to Russian in the header, as a user would.
    await a.getByTestId('language-select').first().click();
    await a.getByRole('option', { name: 'Русский' }).click();
    await expect(a.getByTestId('calendar-title')).toHaveText(
      /^(Январь|Февраль|Март|Апрель|Май|Июнь|Июль|Август|Сентябрь|Октябрь|Ноябрь|Декабрь) \d{4}/,
    );
    await expect(a.getByTestId('calendar-event-count')).toHaveText('2 мероприятия');
    await expect(a.locator('[role="columnheader"]').first()).toContainText('пн');
    await shot(a, testInfo, '5-russian-month');

    for (let index = 0; index < 3; index += 1) {
      await createEvent(a.request, { title: `Ru more ${index} ${uid()}`, startDate: shiftDays(monday, 7), endDate: shiftDays(monday, 7) });
    }
    await expect(a.getByTestId('calendar-event-count')).toHaveText('5 мероприятий');

    await bars(a, first.id).hover();
    const card = a.getByTestId('calendar-event-card');
    await expect(card).toContainText('2 дня');
    await expectNextTo(card, await box(bars(a, first.id)));
    // «12–13 июл. 2027 г.»: the month in the genitive, as Russian writes dates.
    const genitiveMonths = ['янв', 'февр', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сент', 'окт', 'нояб', 'дек'];
    const [, monthNumber, firstDay] = monday.split('-').map(Number);
    const lastDay = Number(shiftDays(monday, 1).slice(8));
    await expect(card.getByTestId('calendar-card-dates')).toHaveText(
      new RegExp(`^${firstDay}\\s?–\\s?${lastDay} ${genitiveMonths[monthNumber! - 1]}`),
    );
    await expect(card).toContainText('Черновик');
    await shot(a, testInfo, '5-russian-card');
  } finally {
    await mustGraphql(a.request, `mutation { setMyLanguage(language: "en") { id } }`).catch(() => undefined);
    await a.context().close();
  }
});

test('a drag refused because someone else moved the event first goes back and says who changed what', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  const b = await newSignedInPage(browser, demoEmails.manager);
  try {
    const month = monthStart(9);
    const tuesday = dayOfWeek(month, 1, 2);
    const event = await createEvent(a.request, { title: `Contested ${uid()}`, startDate: tuesday, endDate: shiftDays(tuesday, 1) });
    await openMonth(a, month);
    await expect(bars(a, event.id)).toBeVisible();
    const page = a.getByTestId('calendar-page');

    const bar = await box(bars(a, event.id));
    const tuesdayCell = await box(dayCell(a, tuesday));
    const fridayCell = await box(dayCell(a, shiftDays(tuesday, 3)));
    const grip = { x: tuesdayCell.x + 20, y: bar.y + bar.height / 2 };
    const seqBefore = Number((await page.getAttribute('data-live-seq')) ?? 0);
    const wednesday = shiftDays(tuesday, 1);
    await dragBetween(a, grip, { x: fridayCell.x + 20, y: grip.y }, async () => {
      // While A still holds the bar, B moves the same event to Wednesday–Thursday.
      await moveEvent(b.request, event, wednesday, shiftDays(wednesday, 1));
      await expect.poll(async () => Number((await page.getAttribute('data-live-seq')) ?? 0)).toBeGreaterThan(seqBefore);
      await shot(a, testInfo, '6-dragging-while-b-moves');
    });

    const refusal = a.getByTestId('calendar-refusal-stale');
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('Maxim Manager');
    await expect(refusal).toContainText('start date');
    // The bar went back and then shows B's version.
    await expect(bars(a, event.id)).toHaveAttribute('data-start', wednesday);
    const shown = await box(bars(a, event.id));
    const wednesdayCell = await box(dayCell(a, wednesday));
    expect(Math.abs(shown.x - wednesdayCell.x)).toBeLessThan(12);
    await shot(a, testInfo, '6-refused-and-reverted');

    const saved = await readEvent(a.request, event.id);
    expect([saved.startDate, saved.version]).toEqual([wednesday, event.version + 1]);
  } finally {
    await a.context().close();
    await b.context().close();
  }
});

test('presence shows who else has the calendar open, and when they are editing', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  const b = await newSignedInPage(browser, demoEmails.manager);
  try {
    await a.goto('/calendar');
    await b.goto('/calendar');
    const bOnA = a.locator('[data-testid="presence-person"][data-name="Maxim Manager"]');
    await expect(bOnA).toBeVisible();
    await expect(b.locator('[data-testid="presence-person"][data-name="Marina Manager"]')).toBeVisible();
    await expect(a.locator('[data-testid="presence-person"][data-name="Marina Manager"]')).toHaveCount(0);
    await shot(a, testInfo, '7-presence');

    await b.getByTestId('calendar-new-event').click();
    await expect(bOnA).toHaveAttribute('data-editing', 'true');
    await bOnA.hover();
    await expect(a.getByRole('tooltip')).toContainText('Maxim Manager is editing');
    await shot(a, testInfo, '7-presence-editing');

    await b.context().close();
    await expect(bOnA).toHaveCount(0);
  } finally {
    await a.context().close();
    await b.context().close().catch(() => undefined);
  }
});

test('a phone-sized screen opens the list view, with the filters folded away', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await signIn(page, demoEmails.engineer2);
    await page.goto('/calendar');
    await expect(page).toHaveURL(/view=listWeek/);
    await expect(page.getByTestId('filter-toggle')).toBeVisible();
    await expect(page.getByTestId('filter-confirmed')).toBeHidden();
    await page.getByTestId('filter-toggle').click();
    await expect(page.getByTestId('filter-confirmed')).toBeVisible();
    // Read-only for an engineer: no "new event" button.
    await expect(page.getByTestId('calendar-new-event')).toHaveCount(0);
    await shot(page, testInfo, '10-phone-list');
  } finally {
    await context.close();
  }
});

async function assignCrew(request: APIRequestContext, eventId: string, personName: string) {
  const lookup = await mustGraphql<{ crewRoles: { id: string }[]; crewSchedule: { person: { id: string; name: string } }[] }>(
    request,
    `query ($day: Date!) { crewRoles { id } crewSchedule(from: $day, to: $day) { person { id name } } }`,
    { day: isoDay(new Date()) },
  );
  const person = lookup.crewSchedule.find((row) => row.person.name === personName)?.person;
  if (!person || !lookup.crewRoles[0]) throw new Error(`no ${personName} or no crew role`);
  await mustGraphql(request, `mutation ($e: ID!, $u: ID!, $r: ID!) { assignCrew(eventId: $e, userId: $u, crewRoleId: $r) { event { id } } }`, {
    e: eventId,
    u: person.id,
    r: lookup.crewRoles[0].id,
  });
}

async function setCrewPolicy(request: APIRequestContext, policy: 'WARN' | 'BLOCK') {
  await mustGraphql(request, `mutation ($p: DoubleBookingPolicy!) { updateCompanySettings(input: { crewDoubleBooking: $p }) { crewDoubleBooking } }`, {
    p: policy,
  });
}

test('a drag that double-books someone warns the mover and toasts the other manager; under BLOCK it is undone', async ({ browser }, testInfo) => {
  const a = await newSignedInPage(browser, demoEmails.manager2);
  const b = await newSignedInPage(browser, demoEmails.manager);
  const admin = await newSignedInPage(browser, demoEmails.admin);
  try {
    const month = monthStart(11);
    const monday = dayOfWeek(month, 1, 1);
    const wednesday = shiftDays(monday, 2);
    const first = await createEvent(a.request, { title: `Busy Egor ${uid()}`, startDate: monday, endDate: monday, status: 'CONFIRMED' });
    const second = await createEvent(a.request, { title: `Also Egor ${uid()}`, startDate: wednesday, endDate: wednesday });
    const third = await createEvent(a.request, { title: `Egor again ${uid()}`, startDate: shiftDays(monday, 4), endDate: shiftDays(monday, 4) });
    for (const event of [first, second, third]) await assignCrew(a.request, event.id, 'Egor Engineer');
    await openMonth(a, month);
    await openMonth(b, month);
    await expect(bars(a, second.id)).toBeVisible();
    await expect(bars(b, second.id)).toHaveAttribute('data-problems', '0');

    // WARN (the default): the move is saved, A is warned, B gets the live toast and sees the outline.
    const bar = await box(bars(a, second.id));
    const from = await box(dayCell(a, wednesday));
    const to = await box(dayCell(a, monday));
    await dragBetween(a, { x: from.x + 20, y: bar.y + bar.height / 2 }, { x: to.x + 20, y: bar.y + bar.height / 2 });
    const warning = a.getByTestId('calendar-conflict-notice');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('Egor Engineer');
    await expect(warning).toContainText(first.title);
    const toast = b.getByTestId('calendar-conflict-notice');
    await expect(toast).toBeVisible();
    await expect(toast).toContainText('Egor Engineer');
    await expect(bars(b, second.id)).toHaveAttribute('data-start', monday);
    await expect(bars(b, second.id)).toHaveAttribute('data-problems', '1');
    await expect(bars(b, first.id)).toHaveAttribute('data-problems', '1');
    await shot(a, testInfo, '9-warned-mover');
    await shot(b, testInfo, '9-toast-for-other-manager');

    // BLOCK: the same kind of move is refused, undone, and the message names the double booking.
    await setCrewPolicy(admin.request, 'BLOCK');
    const fridayBar = await box(bars(a, third.id));
    const friday = await box(dayCell(a, shiftDays(monday, 4)));
    await dragBetween(a, { x: friday.x + 20, y: fridayBar.y + fridayBar.height / 2 }, { x: to.x + 20, y: fridayBar.y + fridayBar.height / 2 });
    const refusal = a.getByTestId('calendar-refusal-blocked');
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('Egor Engineer');
    await expect(bars(a, third.id)).toHaveAttribute('data-start', shiftDays(monday, 4));
    const back = await box(bars(a, third.id));
    expect(Math.abs(back.x - friday.x)).toBeLessThan(12);
    await shot(a, testInfo, '9-blocked-and-undone');
    expect((await readEvent(a.request, third.id)).startDate).toBe(shiftDays(monday, 4));
  } finally {
    await setCrewPolicy(admin.request, 'WARN').catch(() => undefined);
    for (const page of [a, b, admin]) await page.context().close();
  }
});

// ---------------------------------------------------------------------------------------------
// A server of its own, restarted under an open calendar.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on now (other checkouts run their own servers on nearby ports). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOADOUT_DEMO: '1',
      PUBLIC_URL: `http://localhost:${port}`,
      ...(process.env['LOADOUT_E2E_WEB_DIST'] ? { WEB_DIST: process.env['LOADOUT_E2E_WEB_DIST'] } : {}),
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const healthy = await fetch(`http://localhost:${port}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test('after a server restart the calendar shows a banner, then catches up with the change made meanwhile', async ({ browser, playwright }, testInfo) => {
  test.setTimeout(360_000);
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loadout-calendar-restart-'));
  let server = await startServer(port, dataDir);
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 1000 } });
  const other = await playwright.request.newContext({ baseURL: base });
  try {
    const page = await context.newPage();
    await signIn(page, demoEmails.manager2);
    await mustGraphql(other, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
      e: demoEmails.manager,
      p: demoPassword,
    });
    const month = monthStart(10);
    const tuesday = dayOfWeek(month, 1, 2);
    const event = await createEvent(other, { title: `Restart ${uid()}`, startDate: tuesday, endDate: tuesday });
    await openMonth(page, month);
    await expect(bars(page, event.id)).toBeVisible();
    await expect(page.locator('[data-realtime-status="connected"]')).toHaveCount(1);

    await stopServer(server);
    await expect(page.getByTestId('reconnecting-banner')).toBeVisible();
    await shot(page, testInfo, '8-banner');
    // Keep this browser away until the change is made, so only the catch-up can bring it.
    await context.setOffline(true);
    server = await startServer(port, dataDir);
    await mustGraphql(other, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
      e: demoEmails.manager,
      p: demoPassword,
    });
    const friday = shiftDays(tuesday, 3);
    await moveEvent(other, event, friday, friday);
    const added = await createEvent(other, { title: `While away ${uid()}`, startDate: tuesday, endDate: tuesday });
    await context.setOffline(false);

    await expect(page.getByTestId('reconnecting-banner')).toBeHidden({ timeout: 60_000 });
    await expect(bars(page, event.id)).toHaveAttribute('data-start', friday);
    await expect(bars(page, added.id)).toBeVisible();
    await shot(page, testInfo, '8-caught-up');
  } finally {
    await context.close();
    await other.dispose();
    await stopServer(server);
    // PostgreSQL may still be finishing its last WAL segment when the folder is removed: retry.
    await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
});
