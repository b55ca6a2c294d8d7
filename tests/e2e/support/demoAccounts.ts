/** Password of every demo account (the server's demo mode, `LOADOUT_DEMO=1`). */
export const demoPassword = 'loadout-demo';

export const demoEmails = {
  admin: 'admin@loadout.demo',
  manager: 'manager@loadout.demo',
  manager2: 'manager2@loadout.demo',
  engineer: 'engineer@loadout.demo',
  engineer2: 'engineer2@loadout.demo',
  storekeeper: 'storekeeper@loadout.demo',
} as const;
