import { textOf, type FieldContext } from './field-context.ts';
import { leavesContentFolder, localImagePath } from './local-references.ts';
import { FIELD_HELP } from './schema.ts';

/**
 * The hero picture (`image`, `imageAlt`): a file beside the article, inside the content folder, with a
 * description. Returns the picture as written, or undefined when there is none; problems go to the context.
 */
export function checkHeroImage(context: FieldContext, relPath: string, fileExists?: (src: string) => boolean): string | undefined {
  const { error, warn, lineOf, refused, writtenAs } = context;
  const imageSrc = textOf(context, 'image');
  if (imageSrc === undefined) return undefined;
  const at = { line: lineOf('image'), field: 'image' };
  if (textOf(context, 'imageAlt') === undefined && !refused.has('imageAlt')) {
    const missingAlt = { line: lineOf('image'), field: 'imageAlt', hint: `expected ${FIELD_HELP.imageAlt}` };
    // Other generators have no alt text for their hero image: such a file still builds (the picture is
    // marked decorative), with a warning; in a Dateline file, a picture without a description is an error.
    const from = writtenAs.get('image');
    if (from) warn(`is missing, so the picture from \`${from}\` is shown as decorative`, missingAlt);
    else error('is missing but `image` is set', missingAlt);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(imageSrc) || imageSrc.startsWith('/') || imageSrc.startsWith('\\')) {
    error(`"${imageSrc}" is not a file next to the article`, {
      ...at,
      hint: 'put the image beside the Markdown file and write image: ./photo.jpg (images are never loaded from other sites)',
    });
  } else if (leavesContentFolder(relPath, localImagePath(imageSrc) ?? imageSrc)) {
    error(`"${imageSrc}" is outside the content folder: only pictures inside it are published`, {
      ...at,
      hint: 'copy the picture beside the Markdown file and write image: ./photo.jpg',
    });
  } else if (fileExists && !fileExists(imageSrc)) {
    error(`"${imageSrc}" does not exist next to the article`, {
      ...at,
      hint: 'check the file name, or copy the image beside the Markdown file',
    });
  }
  return imageSrc;
}
