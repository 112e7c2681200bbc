import { AstroError } from 'astro/errors';

/**
 * Thrown when articles have errors: the message is the full report, every file at once. An Astro user
 * error, so the build prints the report and the hint rather than a stack trace.
 */
export class ContentError extends AstroError {
  constructor(report: string) {
    super(
      `Some articles cannot be published:\n${report}`,
      'Fix the files listed above (each line says what is expected), then build again.',
    );
    // Astro prints a thrown error's stack and the line of our code that threw it: for mistakes in articles
    // that is noise, so there is none to print.
    this.stack = '';
  }

  /**
   * Astro swaps an error's hint for one about browser APIs when `toString()` mentions `window` or
   * `document`, which a report quoting file names and values may well do ("windows-update.md").
   */
  override toString(): string {
    return `${this.name}: some articles cannot be published`;
  }
}
