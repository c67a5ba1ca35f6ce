import { useCallback, useState } from 'react';

import type { SessionAccount } from '@linli/shared';

import { useHomeOrderPeople } from '../../hooks/useHomeOrderForm';
import { readChosenMealPerson, rememberChosenMealPerson } from '../storage/chosen-person';

import type { HomeOrderPerson } from '../../hooks/useHomeOrderForm';
import type { RemoteData } from '../../hooks/useRemoteData';

/** Someone meals can be ordered for: the resident or a household member, with the address a delivery goes to. */
export type MealPerson = HomeOrderPerson;

export interface MealPeopleHandle {
  state: RemoteData<MealPerson[]>;
  retry: () => void;
  /** The person chosen (remembered on the phone), else the resident themself; null while loading. */
  person: MealPerson | null;
  choose: (residentId: string) => void;
}

/** `李建国（父亲）`: how a person is offered in the 为谁订餐 choice. */
export function mealPersonLabel(person: MealPerson): string {
  return `${person.name}（${person.relation}）`;
}

/** For whom the meals screens order and show the balance: chosen once, remembered for the next visit. */
export function useMealPeople(account: SessionAccount, preferredId?: string): MealPeopleHandle {
  const people = useHomeOrderPeople(account);
  const [chosenId, setChosenId] = useState<string | null>(() => preferredId || readChosenMealPerson(account.id));
  const choose = useCallback(
    (residentId: string) => {
      setChosenId(residentId);
      rememberChosenMealPerson(account.id, residentId);
    },
    [account.id],
  );
  const found = people.state.status === 'ready' ? people.state.data : [];
  const person = found.find((candidate) => candidate.id === chosenId) ?? found[0] ?? null;
  return { state: people.state, retry: people.retry, person, choose };
}
