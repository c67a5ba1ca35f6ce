import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MealSubsidies1796100113659 implements MigrationInterface {
  name = 'MealSubsidies1796100113659';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `hardship_record` (`id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `category` enum ('subsistence_allowance', 'extreme_poverty', 'care_dependent', 'living_alone', 'advanced_age', 'entitled_group') NOT NULL, `valid_from` varchar(10) NOT NULL, `valid_to` varchar(10) NULL, `note_cipher` varchar(600) NULL, `verified_by_account_id` varchar(36) NOT NULL, `verified_at` datetime(3) NOT NULL, `ended_by_account_id` varchar(36) NULL, `ended_at` datetime(3) NULL, INDEX `ix_hardship_record_resident` (`resident_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_balance_account` (`resident_id` varchar(36) NOT NULL, `balance_fen` int NOT NULL, `entry_count` int NOT NULL, PRIMARY KEY (`resident_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_balance_entry` (`id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `sequence` int NOT NULL, `kind` enum ('top_up', 'meal_payment', 'refund') NOT NULL, `amount_fen` int NOT NULL, `balance_after_fen` int NOT NULL, `meal_order_id` varchar(36) NULL, `method` enum ('cash', 'transfer') NULL, `note` varchar(100) NULL, `recorded_by_account_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_meal_balance_entry_meal_order` (`meal_order_id`), UNIQUE INDEX `uq_meal_balance_entry_resident_sequence` (`resident_id`, `sequence`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_profile` (`resident_id` varchar(36) NOT NULL, `registered_district_id` varchar(36) NULL, `updated_by_account_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_meal_profile_registered_district` (`registered_district_id`), PRIMARY KEY (`resident_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_subsidy_rule` (`id` varchar(36) NOT NULL, `scheme_id` varchar(36) NOT NULL, `version` int NOT NULL, `district_id` varchar(36) NOT NULL, `name` varchar(64) NOT NULL, `effective_from` varchar(10) NOT NULL, `effective_to` varchar(10) NULL, `meal_kinds` text NOT NULL, `eligibility` text NOT NULL, `amount` text NULL, `special_diet_extra` text NULL, `delivery` text NULL, `caps` text NOT NULL, `cap_group_id` varchar(36) NOT NULL, `stacks` tinyint NOT NULL, `created_by_account_id` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, `withdrawn_at` datetime(3) NULL, INDEX `ix_meal_subsidy_rule_district` (`district_id`, `effective_from`), UNIQUE INDEX `uq_meal_subsidy_rule_scheme_version` (`scheme_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `hardship_record` ADD CONSTRAINT `fk_hardship_record_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_balance_account` ADD CONSTRAINT `fk_meal_balance_account_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_balance_entry` ADD CONSTRAINT `fk_meal_balance_entry_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_profile` ADD CONSTRAINT `fk_meal_profile_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_profile` ADD CONSTRAINT `fk_meal_profile_registered_district` FOREIGN KEY (`registered_district_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_subsidy_rule` ADD CONSTRAINT `fk_meal_subsidy_rule_district` FOREIGN KEY (`district_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `meal_subsidy_rule` DROP FOREIGN KEY `fk_meal_subsidy_rule_district`");
    await queryRunner.query("ALTER TABLE `meal_profile` DROP FOREIGN KEY `fk_meal_profile_registered_district`");
    await queryRunner.query("ALTER TABLE `meal_profile` DROP FOREIGN KEY `fk_meal_profile_resident`");
    await queryRunner.query("ALTER TABLE `meal_balance_entry` DROP FOREIGN KEY `fk_meal_balance_entry_resident`");
    await queryRunner.query("ALTER TABLE `meal_balance_account` DROP FOREIGN KEY `fk_meal_balance_account_resident`");
    await queryRunner.query("ALTER TABLE `hardship_record` DROP FOREIGN KEY `fk_hardship_record_resident`");
    await queryRunner.query("DROP INDEX `uq_meal_subsidy_rule_scheme_version` ON `meal_subsidy_rule`");
    await queryRunner.query("DROP INDEX `ix_meal_subsidy_rule_district` ON `meal_subsidy_rule`");
    await queryRunner.query("DROP TABLE `meal_subsidy_rule`");
    await queryRunner.query("DROP INDEX `ix_meal_profile_registered_district` ON `meal_profile`");
    await queryRunner.query("DROP TABLE `meal_profile`");
    await queryRunner.query("DROP INDEX `uq_meal_balance_entry_resident_sequence` ON `meal_balance_entry`");
    await queryRunner.query("DROP INDEX `ix_meal_balance_entry_meal_order` ON `meal_balance_entry`");
    await queryRunner.query("DROP TABLE `meal_balance_entry`");
    await queryRunner.query("DROP TABLE `meal_balance_account`");
    await queryRunner.query("DROP INDEX `ix_hardship_record_resident` ON `hardship_record`");
    await queryRunner.query("DROP TABLE `hardship_record`");
  }
}
