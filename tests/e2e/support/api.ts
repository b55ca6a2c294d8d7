import type { APIRequestContext } from '@playwright/test';

/** Calls the API with the session of the context `request` belongs to; fails on any error. */
export async function gql<T = Record<string, unknown>>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data as T;
}

/** The day `offset` days from today, "YYYY-MM-DD". */
export function futureDay(offset: number): string {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** The id of the active person called `name` (every active account is a row of the crew schedule). */
export async function personId(request: APIRequestContext, name: string, day: string): Promise<string> {
  const data = await gql<{ crewSchedule: Array<{ person: { id: string; name: string } }> }>(
    request,
    'query ($day: Date!) { crewSchedule(from: $day, to: $day) { person { id name } } }',
    { day },
  );
  const row = data.crewSchedule.find((entry) => entry.person.name === name);
  if (!row) throw new Error(`No active person named ${name}`);
  return row.person.id;
}

export async function crewRoleId(request: APIRequestContext, name: string): Promise<string> {
  const data = await gql<{ crewRoles: Array<{ id: string; name: string }> }>(request, '{ crewRoles { id name } }');
  const role = data.crewRoles.find((entry) => entry.name === name);
  if (!role) throw new Error(`No crew role named ${name}`);
  return role.id;
}

export async function createEvent(
  request: APIRequestContext,
  input: { title: string; startDate: string; endDate?: string; status?: string; notes?: string },
): Promise<string> {
  const data = await gql<{ createProductionEvent: { event: { id: string } } }>(
    request,
    'mutation ($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id } } }',
    { input: { endDate: input.startDate, ...input } },
  );
  return data.createProductionEvent.event.id;
}

export async function assignCrew(request: APIRequestContext, eventId: string, userId: string, roleId: string): Promise<void> {
  await gql(
    request,
    'mutation ($eventId: ID!, $userId: ID!, $crewRoleId: ID!) { assignCrew(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId) { event { id } } }',
    { eventId, userId, crewRoleId: roleId },
  );
}
