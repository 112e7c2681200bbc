/**
 * The content store keeps parsed articles between builds and re-parses a file only when its bytes change.
 * When the parser itself changes (schema, sanitising policy, HTML steps, dates, slugs), every stored article
 * is stale: bump the version. `tests/unit/pipeline-version.test.ts` fails when a file parsing depends on
 * changed and the fingerprint below was not updated with a new version, so a stale cache cannot ship.
 * (Upgrades of the unified packages are caught by the loader, which digests package-lock.json too.)
 */
export const PIPELINE_VERSION = 61;

/** SHA-256 over the files parsing depends on (see the test), as of this version. */
export const PIPELINE_FINGERPRINT = '4b2fcb99f39f7f1b91e3dc0a95cb66cecc20c4a2e2dd51d7f1c58a677766c13b';
