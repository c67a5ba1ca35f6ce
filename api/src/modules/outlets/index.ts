/**
 * The outlets module's public surface: what other modules may import from it.
 * Convenience outlets (便民网点) of the 一刻钟便民生活圈: the directory, nearest-first search on a grid index, residents'
 * reports, CSV import and export, and the coverage view. Everything else in this folder is the module's own.
 */
export { OutletsModule } from './outlets.module';
