import { graphql } from '../../../graphql/graphql';

/** The settings that change what the event page checks and offers. */
export const EventCompanySettingsQuery = graphql(`
  query EventCompanySettings {
    companySettings {
      cutoverHour
      crewDoubleBooking
      version
    }
  }
`);
