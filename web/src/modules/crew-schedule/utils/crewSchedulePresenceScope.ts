/** The presence scope of the crew schedule page, as the API names it. */
export const crewSchedulePresenceScope = 'crew-schedule';
