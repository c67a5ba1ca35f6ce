import { Centre } from '../modules/regions/centre.entity';
import { Region } from '../modules/regions/region.entity';

/** Every entity, listed once for both dialects (no globs: the same list works from src under Jest and from dist). */
export const ENTITIES = [Region, Centre];
