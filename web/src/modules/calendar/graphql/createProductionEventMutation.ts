import { graphql } from '../../../graphql/graphql';
import { CalendarProductionEventFieldsFragment } from './calendarProductionEventFieldsFragment';
import { CrewConflictFieldsFragment } from '../../events/graphql/crewConflictFieldsFragment';

export const CreateProductionEventMutation = graphql(
  `
    mutation CreateProductionEvent($input: CreateProductionEventInput!) {
      createProductionEvent(input: $input) {
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
