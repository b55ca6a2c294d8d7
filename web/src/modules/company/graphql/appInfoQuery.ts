import { graphql } from '../../../graphql/graphql';

export const AppInfoQuery = graphql(`
  query AppInfo {
    appInfo {
      companyName
      defaultLanguage
      demoMode
      demoPassword
      timeZone
      version
      weekStart
    }
  }
`);
