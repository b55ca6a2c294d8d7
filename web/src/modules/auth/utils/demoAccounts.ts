/** The accounts the server creates in demo mode (`LOADOUT_DEMO=1`), all with one password. */
export const demoAccounts = [
  { key: 'admin', email: 'admin@loadout.demo' },
  { key: 'manager', email: 'manager@loadout.demo' },
  { key: 'manager2', email: 'manager2@loadout.demo' },
  { key: 'engineer', email: 'engineer@loadout.demo' },
  { key: 'engineer2', email: 'engineer2@loadout.demo' },
  { key: 'storekeeper', email: 'storekeeper@loadout.demo' },
] as const;

export type DemoAccount = (typeof demoAccounts)[number];
