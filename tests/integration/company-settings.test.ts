import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, expectCode, expectFieldProblem } from './support/contract.js';
import { collect, HttpSession, liveClient, signIn, startTestServer, type TestServer } from './support/harness.js';

let t: TestServer;
let admin: HttpSession;
let manager: HttpSession;

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SETTINGS = 'name timeZone weekStart defaultLanguage cutoverHour crewDoubleBooking equipmentDoubleBooking logoUrl version';

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
  manager = await signIn(t.url, 'manager@loadout.demo');
});
afterAll(() => t?.stop());

function putLogo(session: HttpSession | undefined, body: Buffer | string, headers: Record<string, string> = { origin: t.url }) {
  return fetch(`${t.url}/api/settings/logo`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...(session?.cookie ? { cookie: session.cookie } : {}), ...headers },
    body,
  });
}

describe('company settings', () => {
  it('changes every setting, equipment policy included, and every open session sees it live', async () => {
    const client = liveClient(t.wsUrl, { cookie: manager.cookie, origin: t.url });
    try {
      await connected(client);
      const live = collect<{ companySettingsChanged: Record<string, unknown> }>(client, `subscription { companySettingsChanged { ${SETTINGS} } }`);
      const input = {
        name: 'Stage Right Ltd',
        timeZone: 'Europe/Lisbon',
        weekStart: 7,
        defaultLanguage: 'ru',
        cutoverHour: 5,
        crewDoubleBooking: 'BLOCK',
        equipmentDoubleBooking: 'ALLOW',
      };
      // The subscription may not be registered on the server yet: repeat a harmless change until one arrives.
      for (let attempt = 0; attempt < 20 && live.received.length === 0; attempt++) {
        const result = await admin.request(`mutation($input: UpdateCompanySettingsInput!) { updateCompanySettings(input: $input) { ${SETTINGS} } }`, {
          input: { ...input, name: `Stage Right Ltd ${attempt}` },
        });
        expect(result.errors).toBeUndefined();
        await live.until(() => live.received.length > 0, 500, 'a settings change').catch(() => undefined);
      }
      expect(live.received[0].data!.companySettingsChanged).toMatchObject({ ...input, name: expect.stringMatching(/^Stage Right Ltd \d+$/) });
      const read = await manager.request(`{ companySettings { ${SETTINGS} } }`);
      expect(read.data!.companySettings).toMatchObject({ timeZone: 'Europe/Lisbon', weekStart: 7, equipmentDoubleBooking: 'ALLOW', crewDoubleBooking: 'BLOCK', cutoverHour: 5 });
    } finally {
      await client.dispose();
    }
  });

  it('refuses bad values and people without settings:manage, changing nothing', async () => {
    expectFieldProblem((await admin.request('mutation { updateCompanySettings(input: { timeZone: "Mars/Olympus" }) { name } }')).errors, 'timeZone');
    expectFieldProblem((await admin.request('mutation { updateCompanySettings(input: { cutoverHour: 13 }) { name } }')).errors, /cutoverHour/);
    expectCode((await admin.request('mutation { updateCompanySettings(input: { equipmentDoubleBooking: SOMETIMES }) { name } }')).errors, 'BAD_USER_INPUT');
    expectCode((await manager.request('mutation { updateCompanySettings(input: { name: "Hijacked" }) { name } }')).errors, 'FORBIDDEN');
    const read = await admin.request('{ companySettings { name timeZone cutoverHour } }');
    expect(read.data!.companySettings.name).not.toBe('Hijacked');
    expect(read.data!.companySettings).toMatchObject({ timeZone: 'Europe/Lisbon', cutoverHour: 5 });
  });
});

describe('company logo', () => {
  it('uploads an image, serves it back, and gives its address in the settings', async () => {
    const response = await putLogo(admin, PNG);
    expect(response.status).toBe(200);
    const { logoUrl } = (await response.json()) as { logoUrl: string };
    expect(logoUrl).toMatch(/^\/api\/settings\/logo\?v=\d+$/);
    const served = await fetch(`${t.url}${logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const read = await manager.request('{ companySettings { logoUrl } }');
    expect(read.data!.companySettings.logoUrl).toBe(logoUrl);
  });

  it('checks the type by content and the size', async () => {
    const text = await putLogo(admin, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { origin: t.url, 'content-type': 'image/png' });
    expect(text.status).toBe(400);
    const body = (await text.json()) as { errors: Array<{ extensions: { code: string; fields: Array<{ field: string }> } }> };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.fields[0].field).toBe('logo');
    const huge = await putLogo(admin, Buffer.concat([PNG, Buffer.alloc(600 * 1024)]));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses other people (journaled), anonymous and cross-site uploads; removes the logo', async () => {
    const refused = await putLogo(manager, PNG);
    expect(refused.status).toBe(403);
    const journal = await admin.request('{ journal(filter: { action: "auth.forbidden" }) { entries { objectId actor { email } } } }');
    expect(journal.data!.journal.entries[0]).toEqual({ objectId: 'PUT /api/settings/logo', actor: { email: 'manager@loadout.demo' } });
    expect((await putLogo(undefined, PNG)).status).toBe(401);
    expect((await putLogo(admin, PNG, { origin: 'https://evil.example' })).status).toBe(403);

    const removed = await fetch(`${t.url}/api/settings/logo`, { method: 'DELETE', headers: { cookie: admin.cookie!, origin: t.url } });
    expect(removed.status).toBe(200);
    expect((await fetch(`${t.url}/api/settings/logo`)).status).toBe(404);
    expect((await admin.request('{ companySettings { logoUrl } }')).data!.companySettings.logoUrl).toBeNull();
  });
});
