import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, ValidateIf } from 'class-validator';

type Axis = 'latitude' | 'longitude';

/**
 * China's extreme points: 曾母暗沙 3.86° N, 漠河 53.55° N, the Pamirs 73.66° E, the Heilongjiang–Ussuri
 * confluence 135.05° E. GCJ-02, the only coordinates the API takes, is defined inside China alone (map SDKs hand
 * back WGS-84 unchanged outside it), so a point outside this box is no place the platform serves.
 */
export const CHINA_BOUNDS: Record<Axis, { min: number; max: number }> = {
  latitude: { min: 3.86, max: 53.55 },
  longitude: { min: 73.66, max: 135.05 },
};

const EXAMPLES: Record<Axis, number> = { latitude: 31.8206, longitude: 117.2272 };

function isInChina(axis: Axis): PropertyDecorator {
  const { min, max } = CHINA_BOUNDS[axis];
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInChina',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a GCJ-02 ${axis} in China, a number from ${min} to ${max}` },
      validator: { validate: (value: unknown) => typeof value === 'number' && value >= min && value <= max },
    });
}

/** Whether the client sent any part of a position; `null` counts as sent (and then fails as no number). */
const sendsPosition = (body: Partial<Record<Axis, unknown>>) => body.latitude !== undefined || body.longitude !== undefined;

/**
 * One coordinate of a position, on a DTO whose fields are named `latitude` and `longitude`: a number inside
 * CHINA_BOUNDS, documented with those bounds. An optional position is both coordinates or neither: once either
 * field is present both are checked, so `{ latitude: null, longitude: 10 }` or a lone longitude is refused rather
 * than half-stored or silently dropped.
 */
export function PositionCoordinate(axis: Axis, options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const { min, max } = CHINA_BOUNDS[axis];
  const documented = ApiProperty({
    type: Number,
    required: !options.optional,
    minimum: min,
    maximum: max,
    example: EXAMPLES[axis],
    description: options.description ?? `GCJ-02 ${axis}`,
  });
  return options.optional ? applyDecorators(documented, ValidateIf(sendsPosition), isInChina(axis)) : applyDecorators(documented, isInChina(axis));
}
