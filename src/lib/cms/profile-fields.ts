import type { Field } from '@sveltia/cms';
import type { ProfileField } from '../author/profile-schema.ts';
import { BODY_FIELD } from './fields.ts';

/**
 * The editor's form for an author profile (`content/authors/`): one widget per field of the profile schema,
 * then the bio. A `Record` over `ProfileField`, so a field added to the profile schema without a widget
 * fails the type check (and the unit test comparing the form with `PROFILE_FIELDS`).
 */
const WIDGETS: { [F in ProfileField]: Field } = {
  name: { name: 'name', label: 'Name', widget: 'string', hint: 'As bylines write it: the profile belongs to every byline with this name.' },
  role: { name: 'role', label: 'Role', widget: 'string', required: false, hint: 'e.g. Political correspondent' },
  // Pictures are published only from beside the profile, never from another site.
  photo: { name: 'photo', label: 'Portrait', widget: 'image', required: false, choose_url: false, hint: 'Saved beside the profile.' },
  photoAlt: { name: 'photoAlt', label: 'Portrait description', widget: 'string', required: false, hint: 'Leave empty to use the name.' },
  links: {
    name: 'links',
    label: 'Links',
    widget: 'list',
    required: false,
    hint: 'The person elsewhere, one address per line: https://… or mailto:….',
  },
};

/** The profile form: its fields, then the bio. */
export function profileForm(): Field[] {
  return [
    WIDGETS.name,
    WIDGETS.role,
    WIDGETS.photo,
    WIDGETS.photoAlt,
    WIDGETS.links,
    { name: BODY_FIELD, label: 'Bio', widget: 'markdown', required: false },
  ];
}
