/**
 * The meals module's public surface: what other modules may import from it.
 * Meal points (助餐点) of canteens, their weekly menus, elder meal orders and pickup.
 * Everything else in this folder is the module's own.
 */
export { MealsModule } from './meals.module';
/** Read by outlets, which lists meal points as 社区食堂 (decision 0017). */
export { MealPoint } from './meal-point.entity';
export { MealWindowRow } from './meal-window.entity';
