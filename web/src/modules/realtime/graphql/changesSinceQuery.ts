import { graphql } from '../../../graphql/graphql';

export const ChangesSinceQuery = graphql(`
  query ChangesSince($seq: SafeInt!) {
    changesSince(seq: $seq) {
      seq
      at
      action
      objectType
      objectId
      summary
      actorLabel
      actor {
        id
        name
        email
      }
      changes {
        field
        oldValue
        newValue
      }
    }
  }
`);
