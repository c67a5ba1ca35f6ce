import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MealPointsMenusOrders1796100008723 implements MigrationInterface {
  name = 'MealPointsMenusOrders1796100008723';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `meal_point` (`id` varchar(36) NOT NULL, `provider_id` varchar(36) NOT NULL, `name` varchar(80) NOT NULL, `address` varchar(200) NOT NULL, `latitude_e6` int NOT NULL, `longitude_e6` int NOT NULL, `phone` varchar(32) NOT NULL, `region_id` varchar(36) NOT NULL, `district_id` varchar(36) NOT NULL, `fulfilments` text NOT NULL, `delivery_radius_m` int NOT NULL DEFAULT '0', `delivery_fee_fen` int NOT NULL DEFAULT '0', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_meal_point_region` (`region_id`), INDEX `ix_meal_point_provider` (`provider_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `dish` (`id` varchar(36) NOT NULL, `meal_point_id` varchar(36) NOT NULL, `meal_date` varchar(10) NOT NULL, `meal_kind` enum ('breakfast', 'lunch', 'dinner') NOT NULL, `position` int NOT NULL DEFAULT '0', `name` varchar(40) NOT NULL, `kind` enum ('set_meal', 'single') NOT NULL, `price_fen` int NOT NULL, `tags` text NULL, `allergens` text NULL, `photo_url` varchar(500) NULL, `daily_quantity` int NULL, `remaining` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_dish_meal` (`meal_point_id`, `meal_date`, `meal_kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_counter` (`id` varchar(36) NOT NULL, `meal_point_id` varchar(36) NOT NULL, `meal_date` varchar(10) NOT NULL, `meal_kind` enum ('breakfast', 'lunch', 'dinner') NOT NULL, `capacity` int NOT NULL, `ordered` int NOT NULL DEFAULT '0', UNIQUE INDEX `uq_meal_counter_meal` (`meal_point_id`, `meal_date`, `meal_kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_day_closure` (`meal_point_id` varchar(36) NOT NULL, `meal_date` varchar(10) NOT NULL, `reason` varchar(100) NOT NULL, `closed_by_account_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`meal_point_id`, `meal_date`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_order` (`id` varchar(36) NOT NULL, `meal_point_id` varchar(36) NOT NULL, `counter_id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `meal_date` varchar(10) NOT NULL, `meal_kind` enum ('breakfast', 'lunch', 'dinner') NOT NULL, `fulfilment` enum ('dine_in', 'pickup', 'delivery') NOT NULL, `status` enum ('placed', 'paid', 'ready', 'collected', 'out_for_delivery', 'delivered', 'not_at_home', 'cancelled', 'refunded') NOT NULL, `payment_method` enum ('at_pickup', 'balance') NOT NULL, `gross_fen` int NOT NULL, `subsidy_fen` int NOT NULL, `payable_fen` int NOT NULL, `delivery_fee_gross_fen` int NOT NULL, `delivery_subsidy_fen` int NOT NULL, `delivery_fee_fen` int NOT NULL, `total_fen` int NOT NULL, `applied_subsidies` text NOT NULL, `cancel_reason` varchar(200) NULL, `collected_at` datetime(3) NULL, `ordered_by_account_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_meal_order_meal` (`meal_point_id`, `meal_date`, `meal_kind`), INDEX `ix_meal_order_resident` (`resident_id`, `meal_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_order_line` (`order_id` varchar(36) NOT NULL, `dish_id` varchar(36) NOT NULL, `name` varchar(40) NOT NULL, `unit_price_fen` int NOT NULL, `quantity` int NOT NULL, `tags` text NULL, PRIMARY KEY (`order_id`, `dish_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_pickup_code` (`order_id` varchar(36) NOT NULL, `meal_point_id` varchar(36) NOT NULL, `meal_date` varchar(10) NOT NULL, `code` varchar(6) NOT NULL, UNIQUE INDEX `uq_meal_pickup_code_point_day` (`meal_point_id`, `meal_date`, `code`), PRIMARY KEY (`order_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_point_community` (`meal_point_id` varchar(36) NOT NULL, `community_id` varchar(36) NOT NULL, INDEX `ix_meal_point_community_community` (`community_id`), PRIMARY KEY (`meal_point_id`, `community_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_window` (`meal_point_id` varchar(36) NOT NULL, `meal_kind` enum ('breakfast', 'lunch', 'dinner') NOT NULL, `serves_from` varchar(5) NOT NULL, `serves_until` varchar(5) NOT NULL, `cut_off_time` varchar(5) NOT NULL, `cut_off_days_before` int NOT NULL DEFAULT '0', `capacity` int NOT NULL, PRIMARY KEY (`meal_point_id`, `meal_kind`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `provider` CHANGE `kind` `kind` enum ('housekeeping', 'repair', 'care', 'meal', 'volunteer', 'canteen') NOT NULL DEFAULT 'housekeeping'");
    await queryRunner.query("ALTER TABLE `meal_point` ADD CONSTRAINT `fk_meal_point_provider` FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_point` ADD CONSTRAINT `fk_meal_point_region` FOREIGN KEY (`region_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_point` ADD CONSTRAINT `fk_meal_point_district` FOREIGN KEY (`district_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `dish` ADD CONSTRAINT `fk_dish_meal_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_counter` ADD CONSTRAINT `fk_meal_counter_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_day_closure` ADD CONSTRAINT `fk_meal_day_closure_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_order` ADD CONSTRAINT `fk_meal_order_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_order` ADD CONSTRAINT `fk_meal_order_counter` FOREIGN KEY (`counter_id`) REFERENCES `meal_counter`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_order` ADD CONSTRAINT `fk_meal_order_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_order_line` ADD CONSTRAINT `fk_meal_order_line_order` FOREIGN KEY (`order_id`) REFERENCES `meal_order`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_order_line` ADD CONSTRAINT `fk_meal_order_line_dish` FOREIGN KEY (`dish_id`) REFERENCES `dish`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_pickup_code` ADD CONSTRAINT `fk_meal_pickup_code_order` FOREIGN KEY (`order_id`) REFERENCES `meal_order`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_pickup_code` ADD CONSTRAINT `fk_meal_pickup_code_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_point_community` ADD CONSTRAINT `fk_meal_point_community_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_point_community` ADD CONSTRAINT `fk_meal_point_community_region` FOREIGN KEY (`community_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_window` ADD CONSTRAINT `fk_meal_window_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `meal_window` DROP FOREIGN KEY `fk_meal_window_point`");
    await queryRunner.query("ALTER TABLE `meal_point_community` DROP FOREIGN KEY `fk_meal_point_community_region`");
    await queryRunner.query("ALTER TABLE `meal_point_community` DROP FOREIGN KEY `fk_meal_point_community_point`");
    await queryRunner.query("ALTER TABLE `meal_pickup_code` DROP FOREIGN KEY `fk_meal_pickup_code_point`");
    await queryRunner.query("ALTER TABLE `meal_pickup_code` DROP FOREIGN KEY `fk_meal_pickup_code_order`");
    await queryRunner.query("ALTER TABLE `meal_order_line` DROP FOREIGN KEY `fk_meal_order_line_dish`");
    await queryRunner.query("ALTER TABLE `meal_order_line` DROP FOREIGN KEY `fk_meal_order_line_order`");
    await queryRunner.query("ALTER TABLE `meal_order` DROP FOREIGN KEY `fk_meal_order_resident`");
    await queryRunner.query("ALTER TABLE `meal_order` DROP FOREIGN KEY `fk_meal_order_counter`");
    await queryRunner.query("ALTER TABLE `meal_order` DROP FOREIGN KEY `fk_meal_order_point`");
    await queryRunner.query("ALTER TABLE `meal_day_closure` DROP FOREIGN KEY `fk_meal_day_closure_point`");
    await queryRunner.query("ALTER TABLE `meal_counter` DROP FOREIGN KEY `fk_meal_counter_point`");
    await queryRunner.query("ALTER TABLE `dish` DROP FOREIGN KEY `fk_dish_meal_point`");
    await queryRunner.query("ALTER TABLE `meal_point` DROP FOREIGN KEY `fk_meal_point_district`");
    await queryRunner.query("ALTER TABLE `meal_point` DROP FOREIGN KEY `fk_meal_point_region`");
    await queryRunner.query("ALTER TABLE `meal_point` DROP FOREIGN KEY `fk_meal_point_provider`");
    await queryRunner.query("ALTER TABLE `provider` CHANGE `kind` `kind` enum ('housekeeping', 'repair', 'care', 'meal', 'volunteer') NOT NULL DEFAULT 'housekeeping'");
    await queryRunner.query("DROP TABLE `meal_window`");
    await queryRunner.query("DROP INDEX `ix_meal_point_community_community` ON `meal_point_community`");
    await queryRunner.query("DROP TABLE `meal_point_community`");
    await queryRunner.query("DROP INDEX `uq_meal_pickup_code_point_day` ON `meal_pickup_code`");
    await queryRunner.query("DROP TABLE `meal_pickup_code`");
    await queryRunner.query("DROP TABLE `meal_order_line`");
    await queryRunner.query("DROP INDEX `ix_meal_order_resident` ON `meal_order`");
    await queryRunner.query("DROP INDEX `ix_meal_order_meal` ON `meal_order`");
    await queryRunner.query("DROP TABLE `meal_order`");
    await queryRunner.query("DROP TABLE `meal_day_closure`");
    await queryRunner.query("DROP INDEX `uq_meal_counter_meal` ON `meal_counter`");
    await queryRunner.query("DROP TABLE `meal_counter`");
    await queryRunner.query("DROP INDEX `ix_dish_meal` ON `dish`");
    await queryRunner.query("DROP TABLE `dish`");
    await queryRunner.query("DROP INDEX `ix_meal_point_provider` ON `meal_point`");
    await queryRunner.query("DROP INDEX `ix_meal_point_region` ON `meal_point`");
    await queryRunner.query("DROP TABLE `meal_point`");
  }
}
