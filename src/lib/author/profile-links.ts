/** A link on an author page: where it goes, and the words shown for it. */
export interface ProfileLink {
  url: string;
  /** The site's host without `www.` (`mastodon.social`), or the address of a `mailto:` link. */
  label: string;
}

/**
 * A profile link as written, checked and labelled: only https, http and mailto: addresses are links (no
 * `javascript:` and no relative paths); anything else is undefined, for the reader to report.
 */
export function profileLink(written: string): ProfileLink | undefined {
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      // A broken escape (`mailto:%`) is no address.
      return undefined;
    }
    return /^[^@\s]+@[^@\s]+$/.test(address) ? { url: url.href, label: address } : undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) return undefined;
  return { url: url.href, label: url.hostname.replace(/^www\./, '') };
}
