import { Text } from '@tarojs/components';

export interface MaterialsListProps {
  materials: readonly string[];
  /** Class of each numbered line (and of the "nothing to bring" line, with `emptyClassName` unset). */
  lineClassName: string;
  emptyClassName?: string;
}

/** What to bring, numbered one per line; says so when nothing is needed. */
export function MaterialsList({ materials, lineClassName, emptyClassName = lineClassName }: MaterialsListProps) {
  if (materials.length === 0) return <Text className={emptyClassName}>不需要带材料</Text>;
  return (
    <>
      {materials.map((material, index) => (
        <Text key={`${index}:${material}`} className={lineClassName}>
          {index + 1}. {material}
        </Text>
      ))}
    </>
  );
}
