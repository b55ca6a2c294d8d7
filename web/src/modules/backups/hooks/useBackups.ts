import { useMutation, useQuery } from '@apollo/client/react';
import { BackupsQuery } from '../graphql/backupsQuery';
import { RunBackupMutation } from '../graphql/runBackupMutation';

/** The server's backups, newest first, and `runBackup` to make one now (the list reloads after it). */
export function useBackups() {
  const { data, loading, error } = useQuery(BackupsQuery, { fetchPolicy: 'cache-and-network' });
  const [mutate, { loading: running }] = useMutation(RunBackupMutation, { refetchQueries: ['Backups'], awaitRefetchQueries: true });

  async function runBackup() {
    const result = await mutate();
    if (!result.data) throw new Error('runBackup returned no data');
    return result.data.runBackup;
  }

  return { backups: data?.backups ?? [], loading, error, runBackup, running };
}
