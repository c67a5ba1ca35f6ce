import { Text } from '@tarojs/components';

export interface MaterialsListProps {
  materials: readonly string[];
  /** Class of each numbered line (and of the "nothing to bring" line, with `emptyClassName` unset). */
  lineClassName: string;
  emptyClassName?: string;
}

/**
 * The heading over what to bring, worded for the person who will come: 请带上 when it is the resident themself,
 * 请李建国带上 when they booked for someone else (so 本人身份证 reads as his own card, not the booker's).
 */
export function bringHeading(otherPersonName: string | null): string {
  return otherPersonName ? `请${otherPersonName}带上` : '请带上';
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
