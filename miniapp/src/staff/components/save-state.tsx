import { Text, View } from '@tarojs/components';

import type { SaveState } from '../hooks/useScheduleEditor';

/** A save's problems (each on its own line, in red) or its success, right under the form it belongs to. */
export function SaveMessage({ state, doneText }: { state: SaveState; doneText: string }) {
  if (state.status === 'saved') return <Text className='staff-desk__message staff-desk__message--done staff-save-done'>{doneText}</Text>;
  if (state.status !== 'failed') return null;
  return (
    <View className='staff-save-problems'>
      {state.problems.map((problem) => (
        <Text key={problem} className='staff-desk__message staff-save-problem'>
          {problem}
        </Text>
      ))}
    </View>
  );
}
