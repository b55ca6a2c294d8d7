/** How far ahead "my events" looks, in days. */
export const myEventsHorizonDays = 120;
