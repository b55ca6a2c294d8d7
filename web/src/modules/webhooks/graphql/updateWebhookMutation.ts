import { graphql } from '../../../graphql/graphql';
import { WebhookFieldsFragment } from './webhookFieldsFragment';

export const UpdateWebhookMutation = graphql(
  `
    mutation UpdateWebhook($id: ID!, $expectedVersion: Int!, $input: WebhookInput!) {
      updateWebhook(id: $id, expectedVersion: $expectedVersion, input: $input) {
        ...WebhookFields
      }
    }
  `,
  [WebhookFieldsFragment],
);
