import type { LoaderContext } from 'astro/loaders';

/** How long a folder must be quiet before `astro dev` reloads it (longer than the watcher's 50 ms). */
const SETTLE_MS = 120;

/**
 * In `astro dev`, runs `reload` when a file under `folder` changes, once the folder has been quiet for a
 * moment: the watcher passes on at most one change per file in 50 ms, and a save is often two writes (empty
 * the file, write it), so reloading on the first event could read an empty file and never hear of the
 * second write. Reloads run one after another, so a slow earlier run can never finish last and undo a newer one.
 */
export function reloadWhenSettled(context: LoaderContext, folder: string, reload: () => Promise<void>): void {
  let queue: Promise<void> = Promise.resolve();
  let settling: NodeJS.Timeout | undefined;
  context.watcher!.add(folder);
  context.watcher!.on('all', (_event, changed) => {
    if (!changed.startsWith(folder)) return;
    clearTimeout(settling);
    settling = setTimeout(() => {
      queue = queue.then(reload).catch((error: Error) => context.logger.error(error.message));
    }, SETTLE_MS).unref();
  });
}
