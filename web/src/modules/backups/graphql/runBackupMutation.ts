import { graphql } from '../../../graphql/graphql';
import { BackupFileFieldsFragment } from './backupFileFieldsFragment';

export const RunBackupMutation = graphql(
  `
    mutation RunBackup {
      runBackup {
        ...BackupFileFields
      }
    }
  `,
  [BackupFileFieldsFragment],
);
