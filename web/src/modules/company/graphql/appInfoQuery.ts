import { graphql } from '../../../graphql/graphql';

export const AppInfoQuery = graphql(`
  query AppInfo {
    appInfo {
      companyName
      defaultLanguage
      demoMode
      demoPassword
      logoUrl
      timeZone
      version
      weekStart
    }
  }
`);
