import { useCallback, useState } from 'react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { DishInput, DishKind, DishTag, MealKind, MealPointView, MenuMealView, MenuPublishResult, MenuView } from '@linli/shared';

import { fenOfYuan } from '../../forms/yuan';
import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { choosePhoto, PhotoPickError } from '../../device/photos';
import { changeMeal, closeMealDay, copyLastWeek, fetchMenu, publishMenu } from '../../services/canteen';
import { uploadDishPhoto } from '../../services/dish-photos';
import { CANTEEN_MESSAGES, mealLabel } from '../../texts/canteen-messages';

import type { ActionsHandle } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** A dish as the form holds it: money in yuan and the quantity as typed. */
export interface DishForm {
  /** The dish's place in the meal being edited; null for a new one. */
  index: number | null;
  name: string;
  kind: DishKind;
  priceYuan: string;
  tags: DishTag[];
  /** Comma- or space-separated (花生, 海鲜). */
  allergens: string;
  /** Empty: no daily limit. */
  dailyQuantity: string;
  /** An uploaded photo of this point; `photoUrl` is then its signed path (to show it), else an https URL or null. */
  photoId: string | null;
  photoUrl: string | null;
}

const EMPTY_DISH: DishForm = { index: null, name: '', kind: 'set_meal', priceYuan: '', tags: [], allergens: '', dailyQuantity: '', photoId: null, photoUrl: null };

export function dishFormOf(dish: DishInput, index: number): DishForm {
  const yuan = dish.priceFen % 100 === 0 ? String(dish.priceFen / 100) : (dish.priceFen / 100).toFixed(2);
  return {
    index,
    name: dish.name,
    kind: dish.kind,
    priceYuan: yuan,
    tags: dish.tags,
    allergens: dish.allergens.join('、'),
    dailyQuantity: dish.dailyQuantity === null ? '' : String(dish.dailyQuantity),
    photoId: dish.photoId ?? null,
    photoUrl: dish.photoUrl,
  };
}

/** The form as the API's dish (price in fen), or what to fix first. */
export function dishInputOf(form: DishForm): { ok: true; dish: DishInput } | { ok: false; problem: string } {
  const name = form.name.trim();
  if (!name) return { ok: false, problem: CANTEEN_MESSAGES.DISH_NAME_REQUIRED };
  const priceFen = fenOfYuan(form.priceYuan);
  if (priceFen === null || priceFen === 0) return { ok: false, problem: CANTEEN_MESSAGES.PRICE_INVALID };
  const quantityText = form.dailyQuantity.trim();
  const dailyQuantity = quantityText === '' ? null : Number(quantityText);
  if (dailyQuantity !== null && !(Number.isInteger(dailyQuantity) && dailyQuantity >= 1 && dailyQuantity <= 9999)) return { ok: false, problem: CANTEEN_MESSAGES.QUANTITY_INVALID };
  const allergens = form.allergens
    .split(/[,，、\s]+/)
    .map((allergen) => allergen.trim())
    .filter(Boolean);
  return { ok: true, dish: { name, kind: form.kind, priceFen, tags: form.tags, allergens, photoUrl: form.photoUrl, photoId: form.photoId, dailyQuantity } };
}

/** A published dish as the editor holds it: with its photo's address, to show it. */
function inputOf(dish: DishInput): DishInput {
  const { name, kind, priceFen, tags, allergens, photoUrl, dailyQuantity } = dish;
  return { name, kind, priceFen, tags, allergens, photoUrl, photoId: dish.photoId ?? null, dailyQuantity };
}

/** A dish as the API takes it: an uploaded photo by its id (its signed path is no URL the API keeps). */
export function sendableDish(dish: DishInput): DishInput {
  return dish.photoId ? { ...dish, photoUrl: null } : dish;
}

const keyOf = (mealDate: string, mealKind: MealKind) => `${mealDate}|${mealKind}`;

/** 已发布 3 餐；2 餐已有订单，未改动: what publishing or copying did. */
export function publishSummary(result: MenuPublishResult): string {
  const skipped = result.skipped.map((meal) => mealLabel(meal.mealDate, meal.mealKind)).join('、');
  return `已发布 ${result.published.length} 餐${skipped ? `；${skipped} 已有订单，未改动（可停餐）` : ''}`;
}

export interface Closing {
  date: string;
  reason: string;
  confirming: boolean;
}

export interface MenuEditorHandle {
  weekStart: string;
  moveWeek: (weeks: number) => void;
  menu: RemoteDataHandle<MenuView>;
  /** The dishes shown for a meal: unsaved edits, or as published. */
  dishesOf: (meal: MenuMealView) => DishInput[];
  edited: (meal: MenuMealView) => boolean;
  open: MenuMealView | null;
  openMeal: (meal: MenuMealView | null) => void;
  form: DishForm | null;
  setForm: (form: DishForm | null) => void;
  newDish: () => void;
  editDish: (index: number) => void;
  saveDish: () => void;
  removeDish: (index: number) => void;
  formProblem: string | null;
  /** 上传照片: the camera or album, then the upload; the form then shows it (action id 'photo'). */
  uploadPhoto: () => void;
  removePhoto: () => void;
  /** 保存这一餐 (PUT one meal). */
  saveMeal: () => void;
  publishWeek: () => void;
  copyWeek: () => void;
  /** The day being closed, its reason, and whether the confirm dialog is up. */
  closing: Closing | null;
  startClosing: (date: string | null) => void;
  setClosingReason: (reason: string) => void;
  /** 停餐: with a reason written, asks to confirm (orders will be cancelled and refunded). */
  askToClose: () => void;
  confirmClosing: () => void;
  /** 再想想: the dialog goes, the reason stays. */
  keepOpen: () => void;
  actions: ActionsHandle<string>;
  /** What the last write did, in a sentence. */
  done: string | null;
}

/** 菜单: a week of one meal point (days × meals), dishes edited in place, then saved one meal or published as a week. */
export function useMenuEditor(point: MealPointView, now: () => Date = () => new Date()): MenuEditorHandle {
  const [weekStart, setWeekStart] = useState(() => shanghaiDateOf(now()));
  const load = useCallback(() => fetchMenu(point.id, weekStart, addDays(weekStart, 6)), [point.id, weekStart]);
  const menu = useRemoteData(load);
  const [drafts, setDrafts] = useState<Record<string, DishInput[]>>({});
  const [open, setOpen] = useState<MenuMealView | null>(null);
  const [form, setForm] = useState<DishForm | null>(null);
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [closing, setClosing] = useState<Closing | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const actions = useActions();

  const dishesOf = (meal: MenuMealView) => drafts[keyOf(meal.mealDate, meal.mealKind)] ?? meal.dishes.map(inputOf);
  const edited = (meal: MenuMealView) => keyOf(meal.mealDate, meal.mealKind) in drafts;
  const setDishes = (meal: MenuMealView, dishes: DishInput[]) => setDrafts((current) => ({ ...current, [keyOf(meal.mealDate, meal.mealKind)]: dishes }));
  const forget = (meal: { mealDate: string; mealKind: MealKind }) =>
    setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== keyOf(meal.mealDate, meal.mealKind))));

  const openMeal = (meal: MenuMealView | null) => {
    setOpen(meal);
    setForm(null);
    setFormProblem(null);
  };
  const editDish = (index: number) => open && setForm(dishFormOf(dishesOf(open)[index], index));
  const newDish = () => setForm(EMPTY_DISH);
  const saveDish = () => {
    if (!open || !form) return;
    const checked = dishInputOf(form);
    if (!checked.ok) return setFormProblem(checked.problem);
    const dishes = dishesOf(open);
    setDishes(open, form.index === null ? [...dishes, checked.dish] : dishes.map((dish, index) => (index === form.index ? checked.dish : dish)));
    setForm(null);
    setFormProblem(null);
  };
  const removeDish = (index: number) =>
    open &&
    setDishes(
      open,
      dishesOf(open).filter((_, at) => at !== index),
    );

  const uploadPhoto = () => {
    if (actions.of('photo').status === 'pending') return;
    actions.reset('photo');
    choosePhoto().then(
      (filePath) => {
        if (!filePath) return;
        actions.run('photo', () => uploadDishPhoto(point.id, filePath), {
          done: (photo) => setForm((current) => current && { ...current, photoId: photo.id, photoUrl: photo.path }),
        });
      },
      (error: unknown) => {
        if (!(error instanceof PhotoPickError)) throw error;
        actions.fail('photo', error.message);
      },
    );
  };
  const removePhoto = () => setForm((current) => current && { ...current, photoId: null, photoUrl: null });

  const saveMeal = () => {
    if (!open) return;
    const dishes = dishesOf(open);
    if (dishes.length === 0) return actions.fail('meal', CANTEEN_MESSAGES.NO_DISHES);
    actions.run('meal', () => changeMeal(point.id, open.mealDate, open.mealKind, dishes.map(sendableDish)), {
      done: (saved) => {
        forget(saved);
        menu.update((current) => ({ ...current, meals: current.meals.map((meal) => (meal.mealDate === saved.mealDate && meal.mealKind === saved.mealKind ? saved : meal)) }));
        setDone(`已保存 ${mealLabel(saved.mealDate, saved.mealKind)}`);
        openMeal(null);
      },
    });
  };

  const afterWeekWrite = (result: MenuPublishResult) => {
    setDrafts({});
    setDone(publishSummary(result));
    openMeal(null);
    menu.reloadQuietly();
  };

  const publishWeek = () => {
    if (menu.state.status !== 'ready') return;
    const meals = menu.state.data.meals
      .filter((meal) => meal.closedReason === null)
      .map((meal) => ({ mealDate: meal.mealDate, mealKind: meal.mealKind, dishes: dishesOf(meal).map(sendableDish) }))
      .filter((meal) => meal.dishes.length > 0);
    if (meals.length === 0) return actions.fail('publish', CANTEEN_MESSAGES.NO_DISHES);
    setDone(null);
    actions.run('publish', () => publishMenu(point.id, meals), { done: afterWeekWrite });
  };

  const copyWeek = () => {
    setDone(null);
    actions.run('copy', () => copyLastWeek(point.id, weekStart), { done: afterWeekWrite });
  };

  const startClosing = (date: string | null) => {
    setClosing(date ? { date, reason: '', confirming: false } : null);
    actions.reset('close');
  };
  const askToClose = () => {
    if (!closing) return;
    if (!closing.reason.trim()) return actions.fail('close', CANTEEN_MESSAGES.REASON_REQUIRED);
    actions.reset('close');
    setClosing({ ...closing, confirming: true });
  };
  const confirmClosing = () => {
    if (!closing) return;
    const { date, reason } = closing;
    setClosing({ ...closing, confirming: false });
    actions.run('close', () => closeMealDay(point.id, date, reason.trim()), {
      done: (result) => {
        setClosing(null);
        setDone(`${result.mealDate} 已停餐，取消订单 ${result.cancelledOrders} 份（余额支付的已退回）`);
        menu.reloadQuietly();
      },
    });
  };

  return {
    weekStart,
    moveWeek: (weeks) => {
      setWeekStart((current) => addDays(current, weeks * 7));
      setDrafts({});
      openMeal(null);
    },
    menu,
    dishesOf,
    edited,
    open,
    openMeal,
    form,
    setForm,
    newDish,
    editDish,
    saveDish,
    removeDish,
    formProblem,
    uploadPhoto,
    removePhoto,
    saveMeal,
    publishWeek,
    copyWeek,
    closing,
    startClosing,
    setClosingReason: (reason) => setClosing((current) => (current ? { ...current, reason } : current)),
    askToClose,
    confirmClosing,
    keepOpen: () => setClosing((current) => (current ? { ...current, confirming: false } : current)),
    actions,
    done,
  };
}
