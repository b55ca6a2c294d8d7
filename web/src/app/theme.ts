import { Combobox, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  components: {
    // Mantine keeps a closed Select's options in the DOM (display: none) by default: a person filter
    // of a company with 400 engineers held 870 hidden elements, on every page with such a field.
    // The options are rendered when the dropdown opens (a Select with autoSelectOnBlur still keeps them).
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});
