import { graphql } from '../../../graphql/graphql';

/** A check-out, check-in or repair change: the dashboard's gear figures are re-read. Needs equipment:read. */
export const StoreChangedSubscription = graphql(`
  subscription StoreChanged {
    storeChanged {
      seq
    }
  }
`);
