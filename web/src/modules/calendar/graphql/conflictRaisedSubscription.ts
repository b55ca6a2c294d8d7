import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from '../../events/graphql/crewConflictFieldsFragment';

export const ConflictRaisedSubscription = graphql(
  `
    subscription CalendarConflictRaised {
      conflictRaised {
        ...CrewConflictFields
      }
    }
  `,
  [CrewConflictFieldsFragment],
);
