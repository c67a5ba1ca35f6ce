/**
 * The dispatch module's public surface: what other modules may import from it.
 * Home-service orders from request to rating: the dispatcher, the worker's workbench and the staff board.
 * Everything else in this folder is the module's own.
 */
export { DispatchModule } from './dispatch.module';
export { Dispatcher } from './dispatcher';
export { MealRunDispatch } from './meal-run-dispatch';
export type { MealRunOrderState, MealRunStopContact, MealRunStops, MealRunWorker, NewMealRunOrder } from './meal-run-dispatch';
