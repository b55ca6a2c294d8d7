import { graphql } from '../../../graphql/graphql';

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($failedOnly: Boolean!) {
    webhookDeliveries(failedOnly: $failedOnly, limit: 50) {
      id
      webhookId
      journalSeq
      attempt
      at
      succeeded
      statusCode
      error
      durationMs
    }
  }
`);
