import { graphql } from '../../../graphql/graphql';
import { WebhookFieldsFragment } from './webhookFieldsFragment';

export const WebhooksQuery = graphql(
  `
    query Webhooks {
      webhooks {
        ...WebhookFields
      }
    }
  `,
  [WebhookFieldsFragment],
);
