import { ChoiceGrid } from '../../components/choice-grid';
import { mealPersonLabel } from '../hooks/useMealPeople';

import type { MealPerson } from '../hooks/useMealPeople';

/** 为谁订餐 (or whose balance): the resident and each household member as big buttons; nothing when there is no choice. */
export function PersonChoice({ label, people, person, onChoose }: { label: string; people: readonly MealPerson[]; person: MealPerson; onChoose: (id: string) => void }) {
  if (people.length < 2) return null;
  const labels = people.map(mealPersonLabel);
  return <ChoiceGrid label={label} options={labels} value={mealPersonLabel(person)} onChange={(chosen) => onChoose(people[labels.indexOf(chosen)].id)} />;
}
