import { graphql } from '../../../graphql/graphql';
import { BackupFileFieldsFragment } from './backupFileFieldsFragment';

export const BackupsQuery = graphql(
  `
    query Backups {
      backups {
        ...BackupFileFields
      }
    }
  `,
  [BackupFileFieldsFragment],
);
