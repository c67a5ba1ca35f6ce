import { Text, View } from '@tarojs/components';

import './index.scss';

export interface NoticeProps {
  title: string;
  /** Short sentences, one per line: easier to read than a paragraph. */
  lines: readonly string[];
}

/** A plain explanation block, used by pages whose features arrive in later releases. */
export function Notice({ title, lines }: NoticeProps) {
  return (
    <View className='notice'>
      <Text className='notice__title'>{title}</Text>
      {lines.map((line) => (
        <Text key={line} className='notice__line'>
          {line}
        </Text>
      ))}
    </View>
  );
}
