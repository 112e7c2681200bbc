/** The body `npm run new` writes: an article still holding it is never published (read.ts). */
export const PLACEHOLDER_BODY = 'Write the story here.';

/**
 * Why a body is no story yet, with the line to show: empty, or still the scaffold's placeholder. Undefined
 * for a body with words of its own. `bodyLine` is the file line the body starts on.
 */
export function placeholderProblem(body: string, bodyLine: number): { message: string; line: number } | undefined {
  if (!body.trim()) return { message: 'the body is empty', line: bodyLine };
  const at = body.indexOf(PLACEHOLDER_BODY);
  if (at === -1) return undefined;
  return {
    message: `the body still holds the placeholder "${PLACEHOLDER_BODY}"`,
    line: bodyLine + (body.slice(0, at).match(/\n/g)?.length ?? 0),
  };
}
