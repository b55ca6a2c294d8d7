import { graphql } from '../../../graphql/graphql';

export const ServiceStatusSubscription = graphql(`
  subscription ServiceStatus {
    serviceStatus {
      databaseAvailable
    }
  }
`);
