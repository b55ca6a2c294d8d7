/** Rows per journal page. */
export const journalPageSize = 50;
