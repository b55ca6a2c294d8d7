/** Clients per page of the list. */
export const clientPageSize = 25;
