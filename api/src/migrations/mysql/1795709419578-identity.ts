import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795709419578 implements MigrationInterface {
  name = 'Identity1795709419578';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `provider` (`id` varchar(36) NOT NULL, `name` varchar(80) NOT NULL, `region_id` varchar(36) NOT NULL, `status` enum ('active', 'suspended') NOT NULL DEFAULT 'active', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_provider_region` (`region_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `resident` (`id` varchar(36) NOT NULL, `name` varchar(64) NOT NULL, `phone_cipher` varchar(200) NULL, `phone_hash` varchar(64) NULL, `phone_owner` enum ('self', 'relative') NULL, `id_number_cipher` varchar(200) NULL, `id_number_hash` varchar(64) NULL, `birth_date` varchar(10) NULL, `address` varchar(200) NULL, `community_id` varchar(36) NULL, `created_by_account_id` varchar(36) NULL, `erased_at` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_resident_community` (`community_id`), INDEX `ix_resident_phone_hash` (`phone_hash`), UNIQUE INDEX `uq_resident_id_number_hash` (`id_number_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `account` (`id` varchar(36) NOT NULL, `role` enum ('resident', 'worker', 'provider_admin', 'staff', 'admin') NOT NULL, `status` enum ('active', 'disabled') NOT NULL DEFAULT 'active', `display_name` varchar(64) NOT NULL, `region_id` varchar(36) NULL, `provider_id` varchar(36) NULL, `resident_id` varchar(36) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_account_resident` (`resident_id`), INDEX `ix_account_provider` (`provider_id`), INDEX `ix_account_region` (`region_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `password_credential` (`account_id` varchar(36) NOT NULL, `username` varchar(64) NOT NULL, `password_hash` varchar(200) NOT NULL, `failed_attempts` int NOT NULL DEFAULT '0', `locked_until` datetime(3) NULL, UNIQUE INDEX `uq_password_credential_username` (`username`), PRIMARY KEY (`account_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_identity` (`id` varchar(36) NOT NULL, `openid` varchar(64) NOT NULL, `unionid` varchar(64) NULL, `account_id` varchar(36) NOT NULL, `session_key_cipher` varchar(200) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_wechat_identity_account` (`account_id`), UNIQUE INDEX `uq_wechat_identity_openid` (`openid`), UNIQUE INDEX `REL_adf9bf0786a91f51c0be60b518` (`account_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_entry` (`id` varchar(36) NOT NULL, `actor_account_id` varchar(36) NULL, `actor_role` varchar(20) NULL, `action` varchar(64) NOT NULL, `target_type` varchar(32) NOT NULL, `target_id` varchar(36) NULL, `region_path` varchar(200) NULL, `ip` varchar(64) NULL, `request_id` varchar(64) NULL, `details` json NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_audit_entry_target` (`target_type`, `target_id`), INDEX `ix_audit_entry_region_time` (`region_path`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `invitation` (`id` varchar(36) NOT NULL, `kind` enum ('worker', 'household_member') NOT NULL, `target_id` varchar(36) NOT NULL, `code_hash` varchar(64) NOT NULL, `issued_by_account_id` varchar(36) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_invitation_target` (`kind`, `target_id`), UNIQUE INDEX `uq_invitation_code_hash` (`code_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `login_throttle` (`key` varchar(80) NOT NULL, `window_started_at` datetime(3) NOT NULL, `attempts` int NOT NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `refresh_token` (`id` varchar(36) NOT NULL, `account_id` varchar(36) NOT NULL, `family_id` varchar(36) NOT NULL, `token_hash` varchar(64) NOT NULL, `expires_at` datetime(3) NOT NULL, `rotated_at` datetime(3) NULL, `revoked_at` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_refresh_token_account` (`account_id`), INDEX `ix_refresh_token_family` (`family_id`), UNIQUE INDEX `uq_refresh_token_hash` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `worker` (`id` varchar(36) NOT NULL, `provider_id` varchar(36) NOT NULL, `name` varchar(64) NOT NULL, `phone_cipher` varchar(200) NOT NULL, `account_id` varchar(36) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_worker_account` (`account_id`), INDEX `ix_worker_provider` (`provider_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `household_link` (`id` varchar(36) NOT NULL, `proxy_resident_id` varchar(36) NOT NULL, `member_resident_id` varchar(36) NOT NULL, `relation` enum ('父亲', '母亲', '配偶', '子女', '祖父母', '外祖父母', '兄弟姐妹', '其他亲属') NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_household_link_member` (`member_resident_id`), UNIQUE INDEX `uq_household_link_pair` (`proxy_resident_id`, `member_resident_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `privacy_consent` (`id` varchar(36) NOT NULL, `account_id` varchar(36) NOT NULL, `version` varchar(20) NOT NULL, `accepted_at` datetime(3) NOT NULL, `ip` varchar(64) NULL, UNIQUE INDEX `uq_privacy_consent_version` (`account_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `provider` ADD CONSTRAINT `fk_provider_region` FOREIGN KEY (`region_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `resident` ADD CONSTRAINT `fk_resident_community` FOREIGN KEY (`community_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `account` ADD CONSTRAINT `fk_account_region` FOREIGN KEY (`region_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `account` ADD CONSTRAINT `fk_account_provider` FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `account` ADD CONSTRAINT `fk_account_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `password_credential` ADD CONSTRAINT `fk_password_credential_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `wechat_identity` ADD CONSTRAINT `fk_wechat_identity_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `refresh_token` ADD CONSTRAINT `fk_refresh_token_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `worker` ADD CONSTRAINT `fk_worker_provider` FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `worker` ADD CONSTRAINT `fk_worker_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `household_link` ADD CONSTRAINT `fk_household_link_proxy` FOREIGN KEY (`proxy_resident_id`) REFERENCES `resident`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `household_link` ADD CONSTRAINT `fk_household_link_member` FOREIGN KEY (`member_resident_id`) REFERENCES `resident`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `privacy_consent` ADD CONSTRAINT `fk_privacy_consent_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `privacy_consent` DROP FOREIGN KEY `fk_privacy_consent_account`");
    await queryRunner.query("ALTER TABLE `household_link` DROP FOREIGN KEY `fk_household_link_member`");
    await queryRunner.query("ALTER TABLE `household_link` DROP FOREIGN KEY `fk_household_link_proxy`");
    await queryRunner.query("ALTER TABLE `worker` DROP FOREIGN KEY `fk_worker_account`");
    await queryRunner.query("ALTER TABLE `worker` DROP FOREIGN KEY `fk_worker_provider`");
    await queryRunner.query("ALTER TABLE `refresh_token` DROP FOREIGN KEY `fk_refresh_token_account`");
    await queryRunner.query("ALTER TABLE `wechat_identity` DROP FOREIGN KEY `fk_wechat_identity_account`");
    await queryRunner.query("ALTER TABLE `password_credential` DROP FOREIGN KEY `fk_password_credential_account`");
    await queryRunner.query("ALTER TABLE `account` DROP FOREIGN KEY `fk_account_resident`");
    await queryRunner.query("ALTER TABLE `account` DROP FOREIGN KEY `fk_account_provider`");
    await queryRunner.query("ALTER TABLE `account` DROP FOREIGN KEY `fk_account_region`");
    await queryRunner.query("ALTER TABLE `resident` DROP FOREIGN KEY `fk_resident_community`");
    await queryRunner.query("ALTER TABLE `provider` DROP FOREIGN KEY `fk_provider_region`");
    await queryRunner.query("DROP INDEX `uq_privacy_consent_version` ON `privacy_consent`");
    await queryRunner.query("DROP TABLE `privacy_consent`");
    await queryRunner.query("DROP INDEX `uq_household_link_pair` ON `household_link`");
    await queryRunner.query("DROP INDEX `ix_household_link_member` ON `household_link`");
    await queryRunner.query("DROP TABLE `household_link`");
    await queryRunner.query("DROP INDEX `ix_worker_provider` ON `worker`");
    await queryRunner.query("DROP INDEX `uq_worker_account` ON `worker`");
    await queryRunner.query("DROP TABLE `worker`");
    await queryRunner.query("DROP INDEX `uq_refresh_token_hash` ON `refresh_token`");
    await queryRunner.query("DROP INDEX `ix_refresh_token_family` ON `refresh_token`");
    await queryRunner.query("DROP INDEX `ix_refresh_token_account` ON `refresh_token`");
    await queryRunner.query("DROP TABLE `refresh_token`");
    await queryRunner.query("DROP TABLE `login_throttle`");
    await queryRunner.query("DROP INDEX `uq_invitation_code_hash` ON `invitation`");
    await queryRunner.query("DROP INDEX `ix_invitation_target` ON `invitation`");
    await queryRunner.query("DROP TABLE `invitation`");
    await queryRunner.query("DROP INDEX `ix_audit_entry_region_time` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `ix_audit_entry_target` ON `audit_entry`");
    await queryRunner.query("DROP TABLE `audit_entry`");
    await queryRunner.query("DROP INDEX `REL_adf9bf0786a91f51c0be60b518` ON `wechat_identity`");
    await queryRunner.query("DROP INDEX `uq_wechat_identity_openid` ON `wechat_identity`");
    await queryRunner.query("DROP INDEX `uq_wechat_identity_account` ON `wechat_identity`");
    await queryRunner.query("DROP TABLE `wechat_identity`");
    await queryRunner.query("DROP INDEX `uq_password_credential_username` ON `password_credential`");
    await queryRunner.query("DROP TABLE `password_credential`");
    await queryRunner.query("DROP INDEX `ix_account_region` ON `account`");
    await queryRunner.query("DROP INDEX `ix_account_provider` ON `account`");
    await queryRunner.query("DROP INDEX `uq_account_resident` ON `account`");
    await queryRunner.query("DROP TABLE `account`");
    await queryRunner.query("DROP INDEX `uq_resident_id_number_hash` ON `resident`");
    await queryRunner.query("DROP INDEX `ix_resident_phone_hash` ON `resident`");
    await queryRunner.query("DROP INDEX `ix_resident_community` ON `resident`");
    await queryRunner.query("DROP TABLE `resident`");
    await queryRunner.query("DROP INDEX `ix_provider_region` ON `provider`");
    await queryRunner.query("DROP TABLE `provider`");
  }
}
