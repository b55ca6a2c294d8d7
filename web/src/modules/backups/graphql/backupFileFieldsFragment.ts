import { graphql } from '../../../graphql/graphql';

export const BackupFileFieldsFragment = graphql(`
  fragment BackupFileFields on BackupFile {
    name
    sizeBytes
    createdAt
    appVersion
    lastMigration
    tableCount
    rowCount
  }
`);
