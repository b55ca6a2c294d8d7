import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const SetClientStateMutation = graphql(
  `
    mutation SetClientState($id: ID!, $state: ClientState!) {
      setClientState(id: $id, state: $state) {
        ...ClientFields
      }
    }
  `,
  [ClientFieldsFragment],
);
