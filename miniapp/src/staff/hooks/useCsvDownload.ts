// The export hook moved to the main package (hooks/useCsvDownload) so the canteen subpackage uses it too; this path
// stays only until the staff outlets page, being changed in another piece of work, imports it from there.
export { useCsvDownload } from '../../hooks/useCsvDownload';
