/**
 * The content store keeps parsed articles between builds and re-parses a file only when its bytes change.
 * When the parser itself changes (schema, sanitising policy, HTML steps, dates, slugs), every stored article
 * is stale: bump the version. `tests/unit/pipeline-version.test.ts` fails when a file parsing depends on
 * changed and the fingerprint below was not updated with a new version, so a stale cache cannot ship.
 * (Upgrades of the unified packages are caught by the loader, which digests package-lock.json too.)
 */
export const PIPELINE_VERSION = 59;

/** SHA-256 over the files parsing depends on (see the test), as of this version. */
export const PIPELINE_FINGERPRINT = '624224c42d7beec8b997555a21acbd7f50c773cd5aeeb65d0d10a5964a2f2028';
