/** Where a save (or an export) stands: not asked, on its way, done, or refused with the problems to show. */
export type SaveState = { status: 'idle' } | { status: 'pending' } | { status: 'saved' } | { status: 'failed'; problems: string[] };
