/** "июль 2027 г." → "Июль 2027 г.": only the first letter, so abbreviations stay as they are. */
export function capitalizeFirst(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
