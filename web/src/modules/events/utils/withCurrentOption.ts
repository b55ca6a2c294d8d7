import type { NamedOption } from './productionEventTypes';

/**
 * Select options that surely include the value set now (e.g. a manager who has since been
 * deactivated), so the select can still show it.
 */
export function withCurrentOption(options: NamedOption[], current: { id: string; name: string } | null): NamedOption[] {
  if (!current || options.some((option) => option.value === current.id)) return options;
  return [{ value: current.id, label: current.name }, ...options];
}
