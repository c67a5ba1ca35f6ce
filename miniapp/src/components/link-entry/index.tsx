import { Text, View } from '@tarojs/components';

import { openPage } from '../../navigation/routes';

import './index.scss';

export interface LinkEntryProps {
  label: string;
  hint: string;
  url: string;
  className?: string;
}

/** A big bordered row that opens another page: the whole row is the tap target. */
export function LinkEntry({ label, hint, url, className }: LinkEntryProps) {
  return (
    <View className={`link-entry${className ? ` ${className}` : ''}`} hoverClass='link-entry--pressed' onClick={() => openPage(url)}>
      <Text className='link-entry__label'>{label}</Text>
      <Text className='link-entry__hint'>{hint} ›</Text>
    </View>
  );
}
