import { graphql } from '../../../graphql/graphql';

/** Who has a scope open and whether they are editing. */
export const PresenceSnapshotFieldsFragment = graphql(`
  fragment PresenceSnapshotFields on PresenceSnapshot {
    scope
    people {
      editing
      since
      person {
        id
        name
      }
    }
  }
`);
