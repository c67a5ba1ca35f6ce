import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DishPhoto } from './dish-photo.entity';

/** Dish photos: written on upload, read when a signed path is followed and when a menu names them. */
@Injectable()
export class DishPhotosRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertPhoto(manager: EntityManager, photo: Omit<DishPhoto, 'mealPoint'>): Promise<void> {
    await manager.getRepository(DishPhoto).insert(photo);
  }

  findPhoto(id: string): Promise<DishPhoto | null> {
    return this.dataSource.getRepository(DishPhoto).findOne({ where: { id } });
  }

  /** Of these ids, the ones that are photos of this meal point. */
  async listPhotoIdsOfPoint(mealPointId: string, ids: string[], manager?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const photos = await (manager ?? this.dataSource.manager).getRepository(DishPhoto).find({ select: { id: true }, where: { mealPointId, id: In(ids) } });
    return photos.map((photo) => photo.id);
  }
}
