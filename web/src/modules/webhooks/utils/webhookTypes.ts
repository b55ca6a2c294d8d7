import type { ResultOf } from '../../../graphql/graphql';
import type { WebhookFieldsFragment } from '../graphql/webhookFieldsFragment';

export type Webhook = ResultOf<typeof WebhookFieldsFragment>;

/** What the form edits; kinds are typed as comma- or space-separated lists. */
export type WebhookFormValues = {
  url: string;
  secret: string;
  description: string;
  actions: string;
  objectTypes: string;
  active: boolean;
};
