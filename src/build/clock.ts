/**
 * The build's clock: decides which articles are scheduled. `DATELINE_NOW` (ISO 8601) fixes it for tests and
 * for previewing the site as it will be at a later time. Read once per process so every page agrees.
 */
const fixed = process.env.DATELINE_NOW;
const startedAt = fixed ? new Date(fixed) : new Date();
if (Number.isNaN(startedAt.getTime())) throw new Error(`DATELINE_NOW="${fixed}" is not an ISO 8601 date-time`);

export function buildTime(): Date {
  return startedAt;
}
