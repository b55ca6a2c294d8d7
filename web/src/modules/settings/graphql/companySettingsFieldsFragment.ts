import { graphql } from '../../../graphql/graphql';

export const CompanySettingsFieldsFragment = graphql(`
  fragment CompanySettingsFields on CompanySettings {
    name
    timeZone
    weekStart
    defaultLanguage
    cutoverHour
    crewDoubleBooking
    equipmentDoubleBooking
    phoneRegion
    logoUrl
    version
  }
`);
