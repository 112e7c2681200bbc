/** Any script a browser would run: everything but JSON-LD data blocks, which are never executed. */
export const EXECUTABLE_SCRIPT = 'script:not([type="application/ld+json"])';
