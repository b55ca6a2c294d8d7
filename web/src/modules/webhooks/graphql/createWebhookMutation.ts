import { graphql } from '../../../graphql/graphql';
import { WebhookFieldsFragment } from './webhookFieldsFragment';

export const CreateWebhookMutation = graphql(
  `
    mutation CreateWebhook($input: WebhookInput!) {
      createWebhook(input: $input) {
        ...WebhookFields
      }
    }
  `,
  [WebhookFieldsFragment],
);
