import { graphql } from '../../../graphql/graphql';

/** Read before a period is loaded; `calendarChanged` then starts from it (nothing missed in between). */
export const LatestChangeSeqQuery = graphql(`
  query LatestChangeSeq {
    latestChangeSeq
  }
`);
