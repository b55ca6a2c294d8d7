/**
 * What every root field of the API needs, for the generated permission matrix
 * (permission-matrix.test.ts). A field of the schema without an entry here fails that test, so a
 * new query, mutation or subscription cannot ship without its permission being decided.
 *
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any signed-in account;
 * - a list: every listed permission is needed;
 * - `{ anyOf }`: one of the listed permissions is enough.
 *
 * `endsSession` marks fields that end the caller's session when allowed, so the matrix gives them a
 * session of their own.
 */
export type Requirement = 'public' | 'signed-in' | readonly string[] | { anyOf: readonly string[] };

export interface FieldRule {
  requires: Requirement;
  endsSession?: boolean;
}

export const PERMISSION_MAP: Record<'Query' | 'Mutation' | 'Subscription', Record<string, FieldRule>> = {
  Query: {
    appInfo: { requires: 'public' },
    me: { requires: 'public' },
    permissionCatalogue: { requires: 'signed-in' },
    companySettings: { requires: 'signed-in' },
    myNotificationsSince: { requires: 'signed-in' },
    myCalendarFeed: { requires: 'signed-in' },
    busyPeople: { requires: ['event:read'] },
    calendarChangesSince: { requires: ['event:read'] },
    latestChangeSeq: { requires: ['event:read'] },
    crewRoles: { requires: ['event:read'] },
    crewSchedule: { requires: ['event:read'] },
    productionEvent: { requires: ['event:read'] },
    productionEvents: { requires: ['event:read'] },
    venues: { requires: ['event:read'] },
    deletedProductionEvents: { requires: ['event:delete'] },
    client: { requires: ['client:read'] },
    clients: { requires: ['client:read'] },
    changesSince: { requires: ['journal:read'] },
    journal: { requires: ['journal:read'] },
    journalActors: { requires: ['journal:read'] },
    user: { requires: ['staff:manage'] },
    users: { requires: ['staff:manage'] },
    roles: { requires: { anyOf: ['role:manage', 'staff:manage'] } },
    reports: { requires: ['reports:read'] },
    dashboard: { requires: ['reports:read', 'event:read'] },
    backups: { requires: ['backup:run'] },
    webhooks: { requires: ['settings:manage'] },
    webhookDeliveries: { requires: ['settings:manage'] },
    equipmentCategories: { requires: ['equipment:read'] },
    equipmentItems: { requires: ['equipment:read'] },
    equipmentItem: { requires: ['equipment:read'] },
    equipmentUnits: { requires: ['equipment:read'] },
    equipmentUnit: { requires: ['equipment:read'] },
    equipmentCases: { requires: ['equipment:read'] },
    scanTarget: { requires: ['equipment:read'] },
    equipmentAvailability: { requires: ['equipment:read'] },
    equipmentAvailabilityByDay: { requires: ['equipment:read'] },
    eventEquipment: { requires: ['event:read', 'equipment:read'] },
    repairs: { requires: ['equipment:read'] },
    repairRules: { requires: ['equipment:read'] },
    warehouseSheet: { requires: ['equipment:read'] },
    equipmentMovements: { requires: ['equipment:read'] },
  },
  Mutation: {
    login: { requires: 'public' },
    logout: { requires: 'signed-in', endsSession: true },
    logoutEverywhere: { requires: 'signed-in', endsSession: true },
    changePassword: { requires: 'signed-in' },
    setMyLanguage: { requires: 'signed-in' },
    regenerateMyCalendarFeed: { requires: 'signed-in' },
    revokeMyCalendarFeed: { requires: 'signed-in' },
    acknowledgeAssignment: { requires: ['event:read'] },
    changeProductionEventStatus: { requires: ['event:read'] },
    moveProductionEvent: { requires: ['event:read'] },
    updateProductionEvent: { requires: ['event:read'] },
    reportPresence: { requires: ['event:read'] },
    createProductionEvent: { requires: ['event:create'] },
    duplicateProductionEvent: { requires: ['event:create'] },
    createVenue: { requires: ['event:create'] },
    updateVenue: { requires: ['event:create'] },
    deleteProductionEvent: { requires: ['event:delete'] },
    restoreProductionEvent: { requires: ['event:delete'] },
    assignCrew: { requires: ['crew:assign'] },
    unassignCrew: { requires: ['crew:assign'] },
    setCrewRole: { requires: ['crew:assign'] },
    createClient: { requires: ['client:manage'] },
    updateClient: { requires: ['client:manage'] },
    changeClientPhone: { requires: ['client:manage'] },
    setClientState: { requires: ['client:manage'] },
    archiveClient: { requires: ['client:manage'] },
    unarchiveClient: { requires: ['client:manage'] },
    createUser: { requires: ['staff:manage'] },
    updateUser: { requires: ['staff:manage'] },
    resetUserPassword: { requires: ['staff:manage'] },
    deactivateUser: { requires: ['staff:manage'] },
    reactivateUser: { requires: ['staff:manage'] },
    createRole: { requires: ['role:manage'] },
    updateRole: { requires: ['role:manage'] },
    deleteRole: { requires: ['role:manage'] },
    updateCompanySettings: { requires: ['settings:manage'] },
    createCrewRole: { requires: ['settings:manage'] },
    updateCrewRole: { requires: ['settings:manage'] },
    deleteCrewRole: { requires: ['settings:manage'] },
    createWebhook: { requires: ['settings:manage'] },
    updateWebhook: { requires: ['settings:manage'] },
    deleteWebhook: { requires: ['settings:manage'] },
    runBackup: { requires: ['backup:run'] },
    createEquipmentCategory: { requires: ['equipment:manage'] },
    updateEquipmentCategory: { requires: ['equipment:manage'] },
    createEquipmentItem: { requires: ['equipment:manage'] },
    updateEquipmentItem: { requires: ['equipment:manage'] },
    setEquipmentItemArchived: { requires: ['equipment:manage'] },
    addEquipmentUnit: { requires: ['equipment:manage'] },
    createEquipmentCase: { requires: ['equipment:manage'] },
    setEquipmentCaseUnits: { requires: ['equipment:manage'] },
    setEventEquipment: { requires: ['event:read', 'equipment:read'] },
    pickEventUnits: { requires: ['event:read', 'equipment:read'] },
    addExtraDelivery: { requires: ['event:read', 'equipment:read'] },
    removeExtraDelivery: { requires: ['event:read', 'equipment:read'] },
    addSubRental: { requires: ['event:read', 'equipment:read'] },
    updateSubRental: { requires: ['event:read', 'equipment:read'] },
    removeSubRental: { requires: ['event:read', 'equipment:read'] },
    openRepair: { requires: ['equipment:read'] },
    closeRepair: { requires: ['repair:manage'] },
    setRepairRule: { requires: { anyOf: ['repair:manage', 'settings:manage'] } },
    removeRepairRule: { requires: { anyOf: ['repair:manage', 'settings:manage'] } },
    checkOutEquipment: { requires: ['equipment:checkout'] },
    checkInEquipment: { requires: ['equipment:checkout'] },
  },
  Subscription: {
    companySettingsChanged: { requires: 'signed-in' },
    myNotifications: { requires: 'signed-in' },
    viewerChanged: { requires: 'signed-in' },
    calendarChanged: { requires: ['event:read'] },
    conflictRaised: { requires: ['event:read'] },
    presenceChanged: { requires: ['event:read'] },
    journalAppended: { requires: ['journal:read'] },
    repairAssigned: { requires: 'signed-in' },
    serviceStatus: { requires: 'signed-in' },
    storeChanged: { requires: ['equipment:read'] },
  },
};

/** Whether an account with `permissions` may call a field that needs `requires`. */
export function isAllowed(requires: Requirement, permissions: ReadonlySet<string> | null): boolean {
  if (requires === 'public') return true;
  if (!permissions) return false;
  if (requires === 'signed-in') return true;
  if ('anyOf' in requires) return requires.anyOf.some((p) => permissions.has(p));
  return requires.every((p) => permissions.has(p));
}
