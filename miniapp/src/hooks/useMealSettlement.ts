import { useCallback, useState } from 'react';
import { shanghaiDateOf, totalMealSettlement } from '@linli/shared';

import type { MealPointView, MealSettlement } from '@linli/shared';

import { fetchMealSettlement, fetchMealSettlementCsv } from '../services/meal-admin';
import { useCsvDownload } from './useCsvDownload';
import { useRemoteData } from './useRemoteData';

import type { SaveState } from '../forms/save-state';
import type { RemoteDataHandle } from './useRemoteData';

/**
 * 助餐补贴结算, as both desks use it: the canteen's operator (canteen subpackage) and staff over its points (staff
 * subpackage) choose a canteen, one of its points or all, and a month, and read the same settlement from the API.
 */

/** A canteen settling with the district, as the caller can see it: its meal points in the caller's reach. */
export interface SettlementCanteen {
  id: string;
  name: string;
  /** Those points, for looking at one of them. */
  points: Array<{ id: string; name: string }>;
  /** The districts of those points: their subsidy rules explain the rule ids. */
  districtIds: string[];
}

/** The canteens behind the meal points the caller runs or oversees, in the order their first point came. */
export function canteensOf(points: readonly MealPointView[]): SettlementCanteen[] {
  const byId = new Map<string, SettlementCanteen>();
  for (const point of points) {
    const canteen = byId.get(point.providerId) ?? { id: point.providerId, name: point.providerName, points: [], districtIds: [] };
    canteen.points.push({ id: point.id, name: point.name });
    if (!canteen.districtIds.includes(point.districtId)) canteen.districtIds.push(point.districtId);
    byId.set(point.providerId, canteen);
  }
  return [...byId.values()];
}

/** This month and the ones before it (`YYYY-MM`, Shanghai), newest first. */
export function recentMonths(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** How many months the page offers: settlement is asked for the month just ended, now and then one a little older. */
const MONTHS_OFFERED = 6;

/**
 * One meal point's part of a canteen's settlement: its rows, and totals summed from them as the API sums the whole
 * (totalMealSettlement), so they add up the same way. Null: the whole canteen as it came. Rule names stay the whole's.
 */
export function settlementOfPoint(settlement: MealSettlement, pointId: string | null): MealSettlement {
  if (pointId === null) return settlement;
  const rows = settlement.rows.filter((row) => row.mealPointId === pointId);
  return { ...settlement, rows, ...totalMealSettlement(rows) };
}

/** The chip value for every point of the canteen. */
export const ALL_POINTS = 'all';

export interface SettlementChoice {
  canteens: SettlementCanteen[];
  canteen: SettlementCanteen | null;
  chooseCanteen: (id: string) => void;
  /** One point of the canteen, or null for all of them. */
  point: { id: string; name: string } | null;
  /** A point's id, or ALL_POINTS. */
  choosePoint: (id: string) => void;
  months: string[];
  month: string;
  chooseMonth: (month: string) => void;
}

/** 补贴结算: which canteen (among those whose points the caller sees), which of its points, and which month. */
export function useSettlementChoice(points: readonly MealPointView[], now: () => Date = () => new Date()): SettlementChoice {
  const [months] = useState(() => recentMonths(shanghaiDateOf(now()), MONTHS_OFFERED));
  const [month, chooseMonth] = useState(months[0]);
  const [canteenId, chooseCanteen] = useState<string | null>(null);
  const [pointId, choosePoint] = useState<string>(ALL_POINTS);
  const canteens = canteensOf(points);
  const canteen = canteens.find((candidate) => candidate.id === canteenId) ?? canteens[0] ?? null;
  const point = canteen?.points.find((candidate) => candidate.id === pointId) ?? null;
  return { canteens, canteen, chooseCanteen, point, choosePoint, months, month, chooseMonth };
}

export interface SettlementMonth {
  settlement: RemoteDataHandle<MealSettlement>;
  /** 导出 CSV: the canteen's month as the API writes it for the bureau (H5 saves it). */
  csv: { state: SaveState; run: () => void };
}

/** One canteen's month: the rows and totals, and the CSV for the bureau. */
export function useSettlementMonth(canteen: Pick<SettlementCanteen, 'id' | 'name'>, month: string): SettlementMonth {
  const loadSettlement = useCallback(() => fetchMealSettlement(canteen.id, month), [canteen.id, month]);
  const settlement = useRemoteData(loadSettlement);
  const download = useCsvDownload();
  const runCsv = () => download.run(() => fetchMealSettlementCsv(canteen.id, month), `助餐补贴结算-${canteen.name}-${month}.csv`);
  return { settlement, csv: { state: download.state, run: runCsv } };
}
