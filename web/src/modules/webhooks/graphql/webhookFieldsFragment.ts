import { graphql } from '../../../graphql/graphql';

export const WebhookFieldsFragment = graphql(`
  fragment WebhookFields on Webhook {
    id
    url
    description
    actions
    objectTypes
    active
    cursorSeq
    attempts
    nextAttemptAt
    lastError
    lastDeliveredAt
    version
    createdAt
  }
`);
