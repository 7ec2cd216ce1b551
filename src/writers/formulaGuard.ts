/**
 * CSV formula injection guard (OWASP rule). Excel and LibreOffice evaluate a
 * cell that starts with = + - @ (or tab / carriage return) as a formula, so a
 * phase named `=HYPERLINK(...)` or `-cmd|...` in a shared assumption file
 * could run when a planner opens the CSV. Such text cells get a leading `'`,
 * which spreadsheets treat as "this is text".
 *
 * Applied to text cells only: numbers are formatted by us and never start
 * with anything but a digit or a minus sign, so "-12.500" stays a number.
 * The cost is that a name such as `-x` reads `'-x` in pandas; names that start
 * with a letter or digit are never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
