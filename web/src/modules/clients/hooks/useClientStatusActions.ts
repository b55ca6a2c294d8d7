import { useMutation } from '@apollo/client/react';
import { ArchiveClientMutation } from '../graphql/archiveClientMutation';
import { SetClientStateMutation } from '../graphql/setClientStateMutation';
import { UnarchiveClientMutation } from '../graphql/unarchiveClientMutation';
import type { ClientState } from '../utils/clientTypes';

/** State changes, archive and un-archive of a client; the list is refetched since membership changes. */
export function useClientStatusActions() {
  const options = { refetchQueries: ['Clients'] };
  const [setState, stateResult] = useMutation(SetClientStateMutation, options);
  const [archive, archiveResult] = useMutation(ArchiveClientMutation, options);
  const [unarchive, unarchiveResult] = useMutation(UnarchiveClientMutation, options);

  return {
    setClientState: (id: string, state: ClientState) => setState({ variables: { id, state } }),
    archiveClient: (id: string) => archive({ variables: { id } }),
    unarchiveClient: (id: string) => unarchive({ variables: { id } }),
    loading: stateResult.loading || archiveResult.loading || unarchiveResult.loading,
  };
}
