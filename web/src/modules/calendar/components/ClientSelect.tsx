import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientOptions } from '../hooks/useClientOptions';

export type ClientSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (clientId: string | null) => void;
};

/** A client picker that searches the server as you type (name, e-mail, contact or phone). */
export function ClientSelect({ value, onChange, ...selectProps }: ClientSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options } = useClientOptions(search, value);
  const selectedLabel = options.find((option) => option.value === value)?.label ?? '';

  return (
    <Select
      data={options}
      value={value}
      onChange={(clientId) => onChange(clientId)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched the search (also by phone); show what it found.
      filter={({ options: all }) => all}
      nothingFoundMessage={t('calendar.client.nothingFound')}
      onDropdownClose={() => setSearch(selectedLabel)}
      clearable
      {...selectProps}
    />
  );
}
