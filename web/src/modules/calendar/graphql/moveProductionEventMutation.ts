import { graphql } from '../../../graphql/graphql';
import { CalendarProductionEventFieldsFragment } from './calendarProductionEventFieldsFragment';
import { CrewConflictFieldsFragment } from '../../events/graphql/crewConflictFieldsFragment';

export const MoveProductionEventMutation = graphql(
  `
    mutation MoveProductionEvent($id: ID!, $expectedVersion: Int!, $startDate: Date!, $endDate: Date!) {
      moveProductionEvent(
        id: $id
        expectedVersion: $expectedVersion
        startDate: $startDate
        endDate: $endDate
      ) {
        event {
          ...CalendarProductionEventFields
        }
        conflicts {
          ...CrewConflictFields
        }
      }
    }
  `,
  [CalendarProductionEventFieldsFragment, CrewConflictFieldsFragment],
);
