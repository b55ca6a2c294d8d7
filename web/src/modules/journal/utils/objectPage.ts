/** The page of a journaled object, when it has one. */
export function objectPage(objectType: string, objectId: string): string | null {
  switch (objectType) {
    case 'ProductionEvent':
      return `/events/${encodeURIComponent(objectId)}`;
    case 'Client':
      return `/clients/${encodeURIComponent(objectId)}`;
    case 'Role':
      return `/roles?role=${encodeURIComponent(objectId)}`;
    case 'User':
      return '/staff';
    case 'CompanySettings':
    case 'CrewRole':
      return '/settings';
    default:
      return null;
  }
}
