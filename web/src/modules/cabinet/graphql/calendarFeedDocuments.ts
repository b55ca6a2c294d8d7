import { graphql } from '../../../graphql/graphql';

export const MyCalendarFeedQuery = graphql(`
  query MyCalendarFeed {
    myCalendarFeed {
      active
    }
  }
`);

export const RegenerateMyCalendarFeedMutation = graphql(`
  mutation RegenerateMyCalendarFeed {
    regenerateMyCalendarFeed {
      url
    }
  }
`);

export const RevokeMyCalendarFeedMutation = graphql(`
  mutation RevokeMyCalendarFeed {
    revokeMyCalendarFeed
  }
`);
