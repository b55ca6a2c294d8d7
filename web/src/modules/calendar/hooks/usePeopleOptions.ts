import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { PeopleOptionsQuery } from '../graphql/peopleOptionsQuery';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';

/** Every active person as select options (value = account id), by name. */
export function usePeopleOptions() {
  const { timeZone } = useAppInfo();
  const day = useMemo(() => todayInTimeZone(timeZone), [timeZone]);
  const { data, loading } = useQuery(PeopleOptionsQuery, { variables: { day } });
  const options = useMemo(
    () =>
      (data?.crewSchedule ?? [])
        .map((row) => ({ value: row.person.id, label: row.person.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data],
  );
  return { options, loading };
}
