import { Text, View } from '@tarojs/components';

import type { MealPrice, StoredMealPrice } from '@linli/shared';

import { priceLines } from '../../texts/meal-messages';

/**
 * The price after subsidy: the menu price crossed out, 补贴, 实付 big, and the rules' own receipt lines (or why a
 * rule gives nothing today) underneath, so a family member sees where every fen went.
 */
export function PriceBox({ price, className = '' }: { price: MealPrice | StoredMealPrice; className?: string }) {
  const lines = priceLines(price);
  return (
    <View className={`meal-price ${className}`}>
      <View className='meal-price__row'>
        {lines.gross && <Text className='meal-price__gross'>原价 {lines.gross}</Text>}
        {lines.subsidy && <Text className='meal-price__subsidy'>{lines.subsidy}</Text>}
        <Text className='meal-price__payable'>{lines.payable}</Text>
      </View>
      {lines.delivery && <Text className='meal-price__line'>{lines.delivery}</Text>}
      {lines.explanations.map((line) => (
        <Text key={line} className='meal-price__line'>
          {line}
        </Text>
      ))}
    </View>
  );
}
