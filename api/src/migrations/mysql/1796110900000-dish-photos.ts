import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DishPhotos1796110900000 implements MigrationInterface {
  name = 'DishPhotos1796110900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `dish_photo` (`id` varchar(36) NOT NULL, `meal_point_id` varchar(36) NOT NULL, `content_type` enum ('image/jpeg', 'image/png', 'image/webp') NOT NULL, `size_bytes` int NOT NULL, `uploaded_by_account_id` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_dish_photo_meal_point` (`meal_point_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `dish` ADD `photo_id` varchar(36) NULL");
    await queryRunner.query("CREATE INDEX `ix_dish_photo` ON `dish` (`photo_id`)");
    await queryRunner.query("ALTER TABLE `dish_photo` ADD CONSTRAINT `fk_dish_photo_meal_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `dish` ADD CONSTRAINT `fk_dish_photo` FOREIGN KEY (`photo_id`) REFERENCES `dish_photo`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `dish` DROP FOREIGN KEY `fk_dish_photo`");
    await queryRunner.query("ALTER TABLE `dish_photo` DROP FOREIGN KEY `fk_dish_photo_meal_point`");
    await queryRunner.query("DROP INDEX `ix_dish_photo` ON `dish`");
    await queryRunner.query("ALTER TABLE `dish` DROP COLUMN `photo_id`");
    await queryRunner.query("DROP INDEX `ix_dish_photo_meal_point` ON `dish_photo`");
    await queryRunner.query("DROP TABLE `dish_photo`");
  }
}
