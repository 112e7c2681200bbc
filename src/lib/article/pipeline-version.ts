/**
 * The content store keeps parsed articles between builds and re-parses a file only when its bytes change.
 * When the parser itself changes (schema, sanitising policy, HTML steps), every stored article is stale:
 * bump the version. `tests/unit/pipeline-version.test.ts` fails when a file of this folder changed and the
 * fingerprint below was not updated with a new version, so a stale cache cannot ship.
 */
export const PIPELINE_VERSION = 4;

/** SHA-256 over the other files of `src/lib/article/` (sorted by name), as of this version. */
export const PIPELINE_FINGERPRINT = '005cb26699411f118fafa82a21b41ef5dd222b768718ad73f6763ced6ebcc1fd';
