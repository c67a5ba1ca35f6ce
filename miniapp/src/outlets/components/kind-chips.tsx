import { Text, View } from '@tarojs/components';
import { OUTLET_KIND_LABELS, OUTLET_KINDS } from '@linli/shared';

import type { OutletKind } from '@linli/shared';

export interface KindChipsProps {
  chosen: OutletKind[];
  onToggle: (kind: OutletKind) => void;
}

/** Every kind as a big chip; several may be ticked (none ticked: all kinds). */
export function KindChips({ chosen, onToggle }: KindChipsProps) {
  return (
    <View className='kind-chips'>
      {OUTLET_KINDS.map((kind) => {
        const selected = chosen.includes(kind);
        return (
          <View
            key={kind}
            className={`kind-chips__chip${selected ? ' kind-chips__chip--selected' : ''}`}
            ariaRole='checkbox'
            ariaLabel={selected ? `${OUTLET_KIND_LABELS[kind]}，已选` : OUTLET_KIND_LABELS[kind]}
            data-kind={kind}
            onClick={() => onToggle(kind)}
          >
            <Text>{OUTLET_KIND_LABELS[kind]}</Text>
          </View>
        );
      })}
    </View>
  );
}
