import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const ArchiveClientMutation = graphql(
  `
    mutation ArchiveClient($id: ID!) {
      archiveClient(id: $id) {
        ...ClientFields
      }
    }
  `,
  [ClientFieldsFragment],
);
