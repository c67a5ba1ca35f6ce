/** The age rule as a short note, e.g. "60岁以上"; null when anyone may book. */
export function ageNote(minAge: number | null): string | null {
  return minAge === null ? null : `${minAge}岁以上`;
}
