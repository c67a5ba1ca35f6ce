import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatPayPartialRefundsTopUps1796112800000 implements MigrationInterface {
  name = 'WechatPayPartialRefundsTopUps1796112800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_wechat_refund_payment\"");
    await queryRunner.query("CREATE TABLE \"meal_balance_top_up\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"amount_fen\" integer NOT NULL, \"status\" varchar CHECK( \"status\" IN ('awaiting_payment','credited') ) NOT NULL, \"requested_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"credited_at\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_top_up_resident\" ON \"meal_balance_top_up\" (\"resident_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_wechat_payment_subject\"");
    await queryRunner.query("DROP INDEX \"uq_wechat_payment_out_trade_no\"");
    await queryRunner.query("DROP INDEX \"ix_wechat_payment_status\"");
    await queryRunner.query("CREATE TABLE \"temporary_wechat_payment\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"subject_id\" varchar(36) NOT NULL, \"out_trade_no\" varchar(32) NOT NULL, \"amount_fen\" integer NOT NULL, \"payer_openid\" varchar(64) NOT NULL, \"description\" varchar(127) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('created','prepaid','paid','closed') ) NOT NULL, \"prepay_id\" varchar(64), \"prepaid_at\" datetime(3), \"transaction_id\" varchar(32), \"paid_fen\" integer NOT NULL DEFAULT (0), \"paid_at\" datetime(3), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"subject_kind\" varchar CHECK( \"subject_kind\" IN ('meal_order','meal_balance_top_up') ) NOT NULL DEFAULT ('meal_order'))");
    await queryRunner.query("INSERT INTO \"temporary_wechat_payment\"(\"id\", \"subject_id\", \"out_trade_no\", \"amount_fen\", \"payer_openid\", \"description\", \"expires_at\", \"status\", \"prepay_id\", \"prepaid_at\", \"transaction_id\", \"paid_fen\", \"paid_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"subject_id\", \"out_trade_no\", \"amount_fen\", \"payer_openid\", \"description\", \"expires_at\", \"status\", \"prepay_id\", \"prepaid_at\", \"transaction_id\", \"paid_fen\", \"paid_at\", \"created_at\", \"updated_at\" FROM \"wechat_payment\"");
    await queryRunner.query("DROP TABLE \"wechat_payment\"");
    await queryRunner.query("ALTER TABLE \"temporary_wechat_payment\" RENAME TO \"wechat_payment\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_payment_subject\" ON \"wechat_payment\" (\"subject_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_payment_out_trade_no\" ON \"wechat_payment\" (\"out_trade_no\") ");
    await queryRunner.query("CREATE INDEX \"ix_wechat_payment_status\" ON \"wechat_payment\" (\"status\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_wechat_refund_out_refund_no\"");
    await queryRunner.query("DROP INDEX \"ix_wechat_refund_due\"");
    await queryRunner.query("CREATE TABLE \"temporary_wechat_refund\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"payment_id\" varchar(36) NOT NULL, \"out_refund_no\" varchar(64) NOT NULL, \"amount_fen\" integer NOT NULL, \"reason\" varchar(80) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('requested','processing','succeeded','failed') ) NOT NULL, \"refund_id\" varchar(32), \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime(3) NOT NULL, \"last_error\" varchar(40), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"kind\" varchar CHECK( \"kind\" IN ('remainder','partial') ) NOT NULL DEFAULT ('remainder'), CONSTRAINT \"fk_wechat_refund_payment\" FOREIGN KEY (\"payment_id\") REFERENCES \"wechat_payment\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_wechat_refund\"(\"id\", \"payment_id\", \"out_refund_no\", \"amount_fen\", \"reason\", \"status\", \"refund_id\", \"attempts\", \"next_attempt_at\", \"last_error\", \"created_at\", \"updated_at\") SELECT \"id\", \"payment_id\", \"out_refund_no\", \"amount_fen\", \"reason\", \"status\", \"refund_id\", \"attempts\", \"next_attempt_at\", \"last_error\", \"created_at\", \"updated_at\" FROM \"wechat_refund\"");
    await queryRunner.query("DROP TABLE \"wechat_refund\"");
    await queryRunner.query("ALTER TABLE \"temporary_wechat_refund\" RENAME TO \"wechat_refund\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_refund_out_refund_no\" ON \"wechat_refund\" (\"out_refund_no\") ");
    await queryRunner.query("CREATE INDEX \"ix_wechat_refund_due\" ON \"wechat_refund\" (\"status\", \"next_attempt_at\") ");
    await queryRunner.query("DROP INDEX \"uq_meal_balance_entry_resident_sequence\"");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_entry_meal_order\"");
    await queryRunner.query("CREATE TABLE \"temporary_meal_balance_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"sequence\" integer NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('top_up','meal_payment','refund') ) NOT NULL, \"amount_fen\" integer NOT NULL, \"balance_after_fen\" integer NOT NULL, \"meal_order_id\" varchar(36), \"method\" varchar CHECK( \"method\" IN ('cash','transfer','wechat_pay') ), \"note\" varchar(100), \"recorded_by_account_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_meal_balance_entry_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_meal_balance_entry\"(\"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\") SELECT \"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\" FROM \"meal_balance_entry\"");
    await queryRunner.query("DROP TABLE \"meal_balance_entry\"");
    await queryRunner.query("ALTER TABLE \"temporary_meal_balance_entry\" RENAME TO \"meal_balance_entry\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_balance_entry_resident_sequence\" ON \"meal_balance_entry\" (\"resident_id\", \"sequence\") ");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_entry_meal_order\" ON \"meal_balance_entry\" (\"meal_order_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_wechat_refund_payment\" ON \"wechat_refund\" (\"payment_id\") ");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_top_up_resident\"");
    await queryRunner.query("CREATE TABLE \"temporary_meal_balance_top_up\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"amount_fen\" integer NOT NULL, \"status\" varchar CHECK( \"status\" IN ('awaiting_payment','credited') ) NOT NULL, \"requested_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"credited_at\" datetime(3), CONSTRAINT \"fk_meal_balance_top_up_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_meal_balance_top_up\"(\"id\", \"resident_id\", \"amount_fen\", \"status\", \"requested_by_account_id\", \"created_at\", \"credited_at\") SELECT \"id\", \"resident_id\", \"amount_fen\", \"status\", \"requested_by_account_id\", \"created_at\", \"credited_at\" FROM \"meal_balance_top_up\"");
    await queryRunner.query("DROP TABLE \"meal_balance_top_up\"");
    await queryRunner.query("ALTER TABLE \"temporary_meal_balance_top_up\" RENAME TO \"meal_balance_top_up\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_top_up_resident\" ON \"meal_balance_top_up\" (\"resident_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_meal_balance_top_up_resident\"");
    await queryRunner.query("ALTER TABLE \"meal_balance_top_up\" RENAME TO \"temporary_meal_balance_top_up\"");
    await queryRunner.query("CREATE TABLE \"meal_balance_top_up\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"amount_fen\" integer NOT NULL, \"status\" varchar CHECK( \"status\" IN ('awaiting_payment','credited') ) NOT NULL, \"requested_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"credited_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"meal_balance_top_up\"(\"id\", \"resident_id\", \"amount_fen\", \"status\", \"requested_by_account_id\", \"created_at\", \"credited_at\") SELECT \"id\", \"resident_id\", \"amount_fen\", \"status\", \"requested_by_account_id\", \"created_at\", \"credited_at\" FROM \"temporary_meal_balance_top_up\"");
    await queryRunner.query("DROP TABLE \"temporary_meal_balance_top_up\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_top_up_resident\" ON \"meal_balance_top_up\" (\"resident_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"ix_wechat_refund_payment\"");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_entry_meal_order\"");
    await queryRunner.query("DROP INDEX \"uq_meal_balance_entry_resident_sequence\"");
    await queryRunner.query("ALTER TABLE \"meal_balance_entry\" RENAME TO \"temporary_meal_balance_entry\"");
    await queryRunner.query("CREATE TABLE \"meal_balance_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"sequence\" integer NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('top_up','meal_payment','refund') ) NOT NULL, \"amount_fen\" integer NOT NULL, \"balance_after_fen\" integer NOT NULL, \"meal_order_id\" varchar(36), \"method\" varchar CHECK( \"method\" IN ('cash','transfer') ), \"note\" varchar(100), \"recorded_by_account_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_meal_balance_entry_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"meal_balance_entry\"(\"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\") SELECT \"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\" FROM \"temporary_meal_balance_entry\"");
    await queryRunner.query("DROP TABLE \"temporary_meal_balance_entry\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_entry_meal_order\" ON \"meal_balance_entry\" (\"meal_order_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_balance_entry_resident_sequence\" ON \"meal_balance_entry\" (\"resident_id\", \"sequence\") ");
    await queryRunner.query("DROP INDEX \"ix_wechat_refund_due\"");
    await queryRunner.query("DROP INDEX \"uq_wechat_refund_out_refund_no\"");
    await queryRunner.query("ALTER TABLE \"wechat_refund\" RENAME TO \"temporary_wechat_refund\"");
    await queryRunner.query("CREATE TABLE \"wechat_refund\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"payment_id\" varchar(36) NOT NULL, \"out_refund_no\" varchar(64) NOT NULL, \"amount_fen\" integer NOT NULL, \"reason\" varchar(80) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('requested','processing','succeeded','failed') ) NOT NULL, \"refund_id\" varchar(32), \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime(3) NOT NULL, \"last_error\" varchar(40), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_wechat_refund_payment\" FOREIGN KEY (\"payment_id\") REFERENCES \"wechat_payment\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"wechat_refund\"(\"id\", \"payment_id\", \"out_refund_no\", \"amount_fen\", \"reason\", \"status\", \"refund_id\", \"attempts\", \"next_attempt_at\", \"last_error\", \"created_at\", \"updated_at\") SELECT \"id\", \"payment_id\", \"out_refund_no\", \"amount_fen\", \"reason\", \"status\", \"refund_id\", \"attempts\", \"next_attempt_at\", \"last_error\", \"created_at\", \"updated_at\" FROM \"temporary_wechat_refund\"");
    await queryRunner.query("DROP TABLE \"temporary_wechat_refund\"");
    await queryRunner.query("CREATE INDEX \"ix_wechat_refund_due\" ON \"wechat_refund\" (\"status\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_refund_out_refund_no\" ON \"wechat_refund\" (\"out_refund_no\") ");
    await queryRunner.query("DROP INDEX \"ix_wechat_payment_status\"");
    await queryRunner.query("DROP INDEX \"uq_wechat_payment_out_trade_no\"");
    await queryRunner.query("DROP INDEX \"uq_wechat_payment_subject\"");
    await queryRunner.query("ALTER TABLE \"wechat_payment\" RENAME TO \"temporary_wechat_payment\"");
    await queryRunner.query("CREATE TABLE \"wechat_payment\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"subject_id\" varchar(36) NOT NULL, \"out_trade_no\" varchar(32) NOT NULL, \"amount_fen\" integer NOT NULL, \"payer_openid\" varchar(64) NOT NULL, \"description\" varchar(127) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('created','prepaid','paid','closed') ) NOT NULL, \"prepay_id\" varchar(64), \"prepaid_at\" datetime(3), \"transaction_id\" varchar(32), \"paid_fen\" integer NOT NULL DEFAULT (0), \"paid_at\" datetime(3), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"wechat_payment\"(\"id\", \"subject_id\", \"out_trade_no\", \"amount_fen\", \"payer_openid\", \"description\", \"expires_at\", \"status\", \"prepay_id\", \"prepaid_at\", \"transaction_id\", \"paid_fen\", \"paid_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"subject_id\", \"out_trade_no\", \"amount_fen\", \"payer_openid\", \"description\", \"expires_at\", \"status\", \"prepay_id\", \"prepaid_at\", \"transaction_id\", \"paid_fen\", \"paid_at\", \"created_at\", \"updated_at\" FROM \"temporary_wechat_payment\"");
    await queryRunner.query("DROP TABLE \"temporary_wechat_payment\"");
    await queryRunner.query("CREATE INDEX \"ix_wechat_payment_status\" ON \"wechat_payment\" (\"status\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_payment_out_trade_no\" ON \"wechat_payment\" (\"out_trade_no\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_payment_subject\" ON \"wechat_payment\" (\"subject_id\") ");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_top_up_resident\"");
    await queryRunner.query("DROP TABLE \"meal_balance_top_up\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_wechat_refund_payment\" ON \"wechat_refund\" (\"payment_id\") ");
  }
}
