import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationRelayInbox1796135894152 implements MigrationInterface {
  name = 'NotificationRelayInbox1796135894152';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_outbox_pending\"");
    await queryRunner.query("CREATE TABLE \"inbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"account_id\" varchar(36) NOT NULL, \"source_message_id\" varchar(36) NOT NULL, \"topic\" varchar(64) NOT NULL, \"title\" varchar(40) NOT NULL, \"body\" varchar(300) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"read_at\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"ix_inbox_message_created\" ON \"inbox_message\" (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_inbox_message_account\" ON \"inbox_message\" (\"account_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_inbox_message_source\" ON \"inbox_message\" (\"source_message_id\", \"account_id\") ");
    await queryRunner.query("CREATE TABLE \"notification_delivery\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"message_id\" varchar(36) NOT NULL, \"recipient_account_id\" varchar(36) NOT NULL, \"channel\" varchar(16) NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('sent','refused') ) NOT NULL, \"delivered_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_notification_delivery\" ON \"notification_delivery\" (\"message_id\", \"recipient_account_id\", \"channel\") ");
    await queryRunner.query("CREATE TABLE \"temporary_outbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"topic\" varchar(64) NOT NULL, \"payload\" json NOT NULL, \"created_at\" datetime(3) NOT NULL, \"delivered_at\" datetime(3), \"state\" varchar CHECK( \"state\" IN ('pending','done','dead') ) NOT NULL DEFAULT ('pending'), \"available_at\" datetime(3) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"claim_token\" varchar(36), \"lease_until\" datetime(3), \"last_error\" varchar(500), \"schedule_key\" varchar(100))");
    // Messages written before the relay existed are stale (an order long finished, a seat long used): kept as done, never sent.
    await queryRunner.query("INSERT INTO \"temporary_outbox_message\"(\"id\", \"topic\", \"payload\", \"created_at\", \"delivered_at\", \"state\", \"available_at\") SELECT \"id\", \"topic\", \"payload\", \"created_at\", \"delivered_at\", 'done', \"created_at\" FROM \"outbox_message\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("ALTER TABLE \"temporary_outbox_message\" RENAME TO \"outbox_message\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_schedule_key\" ON \"outbox_message\" (\"schedule_key\") ");
    await queryRunner.query("CREATE INDEX \"ix_outbox_due\" ON \"outbox_message\" (\"state\", \"available_at\") ");
    await queryRunner.query("DROP INDEX \"ix_inbox_message_created\"");
    await queryRunner.query("DROP INDEX \"ix_inbox_message_account\"");
    await queryRunner.query("DROP INDEX \"uq_inbox_message_source\"");
    await queryRunner.query("CREATE TABLE \"temporary_inbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"account_id\" varchar(36) NOT NULL, \"source_message_id\" varchar(36) NOT NULL, \"topic\" varchar(64) NOT NULL, \"title\" varchar(40) NOT NULL, \"body\" varchar(300) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"read_at\" datetime(3), CONSTRAINT \"fk_inbox_message_account\" FOREIGN KEY (\"account_id\") REFERENCES \"account\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_inbox_message\"(\"id\", \"account_id\", \"source_message_id\", \"topic\", \"title\", \"body\", \"created_at\", \"read_at\") SELECT \"id\", \"account_id\", \"source_message_id\", \"topic\", \"title\", \"body\", \"created_at\", \"read_at\" FROM \"inbox_message\"");
    await queryRunner.query("DROP TABLE \"inbox_message\"");
    await queryRunner.query("ALTER TABLE \"temporary_inbox_message\" RENAME TO \"inbox_message\"");
    await queryRunner.query("CREATE INDEX \"ix_inbox_message_created\" ON \"inbox_message\" (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_inbox_message_account\" ON \"inbox_message\" (\"account_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_inbox_message_source\" ON \"inbox_message\" (\"source_message_id\", \"account_id\") ");
    await queryRunner.query("DROP INDEX \"uq_notification_delivery\"");
    await queryRunner.query("CREATE TABLE \"temporary_notification_delivery\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"message_id\" varchar(36) NOT NULL, \"recipient_account_id\" varchar(36) NOT NULL, \"channel\" varchar(16) NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('sent','refused') ) NOT NULL, \"delivered_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_notification_delivery_message\" FOREIGN KEY (\"message_id\") REFERENCES \"outbox_message\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_notification_delivery\"(\"id\", \"message_id\", \"recipient_account_id\", \"channel\", \"outcome\", \"delivered_at\") SELECT \"id\", \"message_id\", \"recipient_account_id\", \"channel\", \"outcome\", \"delivered_at\" FROM \"notification_delivery\"");
    await queryRunner.query("DROP TABLE \"notification_delivery\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_delivery\" RENAME TO \"notification_delivery\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_notification_delivery\" ON \"notification_delivery\" (\"message_id\", \"recipient_account_id\", \"channel\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_notification_delivery\"");
    await queryRunner.query("ALTER TABLE \"notification_delivery\" RENAME TO \"temporary_notification_delivery\"");
    await queryRunner.query("CREATE TABLE \"notification_delivery\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"message_id\" varchar(36) NOT NULL, \"recipient_account_id\" varchar(36) NOT NULL, \"channel\" varchar(16) NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('sent','refused') ) NOT NULL, \"delivered_at\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"notification_delivery\"(\"id\", \"message_id\", \"recipient_account_id\", \"channel\", \"outcome\", \"delivered_at\") SELECT \"id\", \"message_id\", \"recipient_account_id\", \"channel\", \"outcome\", \"delivered_at\" FROM \"temporary_notification_delivery\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_delivery\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_notification_delivery\" ON \"notification_delivery\" (\"message_id\", \"recipient_account_id\", \"channel\") ");
    await queryRunner.query("DROP INDEX \"uq_inbox_message_source\"");
    await queryRunner.query("DROP INDEX \"ix_inbox_message_account\"");
    await queryRunner.query("DROP INDEX \"ix_inbox_message_created\"");
    await queryRunner.query("ALTER TABLE \"inbox_message\" RENAME TO \"temporary_inbox_message\"");
    await queryRunner.query("CREATE TABLE \"inbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"account_id\" varchar(36) NOT NULL, \"source_message_id\" varchar(36) NOT NULL, \"topic\" varchar(64) NOT NULL, \"title\" varchar(40) NOT NULL, \"body\" varchar(300) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"read_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"inbox_message\"(\"id\", \"account_id\", \"source_message_id\", \"topic\", \"title\", \"body\", \"created_at\", \"read_at\") SELECT \"id\", \"account_id\", \"source_message_id\", \"topic\", \"title\", \"body\", \"created_at\", \"read_at\" FROM \"temporary_inbox_message\"");
    await queryRunner.query("DROP TABLE \"temporary_inbox_message\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_inbox_message_source\" ON \"inbox_message\" (\"source_message_id\", \"account_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_inbox_message_account\" ON \"inbox_message\" (\"account_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_inbox_message_created\" ON \"inbox_message\" (\"created_at\") ");
    await queryRunner.query("DROP INDEX \"ix_outbox_due\"");
    await queryRunner.query("DROP INDEX \"uq_outbox_schedule_key\"");
    await queryRunner.query("ALTER TABLE \"outbox_message\" RENAME TO \"temporary_outbox_message\"");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"topic\" varchar(64) NOT NULL, \"payload\" json NOT NULL, \"created_at\" datetime(3) NOT NULL, \"delivered_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"outbox_message\"(\"id\", \"topic\", \"payload\", \"created_at\", \"delivered_at\") SELECT \"id\", \"topic\", \"payload\", \"created_at\", \"delivered_at\" FROM \"temporary_outbox_message\"");
    await queryRunner.query("DROP TABLE \"temporary_outbox_message\"");
    await queryRunner.query("DROP INDEX \"uq_notification_delivery\"");
    await queryRunner.query("DROP TABLE \"notification_delivery\"");
    await queryRunner.query("DROP INDEX \"uq_inbox_message_source\"");
    await queryRunner.query("DROP INDEX \"ix_inbox_message_account\"");
    await queryRunner.query("DROP INDEX \"ix_inbox_message_created\"");
    await queryRunner.query("DROP TABLE \"inbox_message\"");
    await queryRunner.query("CREATE INDEX \"ix_outbox_pending\" ON \"outbox_message\" (\"delivered_at\", \"created_at\") ");
  }
}
