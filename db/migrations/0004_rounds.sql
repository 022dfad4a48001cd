ALTER TABLE `assessment_history` ADD `channels` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `assessment_history` ADD `channel_other` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `assessment_history` ADD `confirmed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `assessment_history` ADD `source` text DEFAULT 'form' NOT NULL;--> statement-breakpoint
CREATE INDEX `assessment_history_municipality_idx` ON `assessment_history` (`municipality_code`);--> statement-breakpoint
ALTER TABLE `assessments` ADD `channels` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `assessments` ADD `channel_other` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `assessments` ADD `confirmed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `mapping_rounds` ADD `due_date` text;--> statement-breakpoint
ALTER TABLE `mapping_rounds` ADD `opened_at` text;--> statement-breakpoint
ALTER TABLE `mapping_rounds` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `mapping_rounds` ADD `prefilled_from_id` integer;--> statement-breakpoint
ALTER TABLE `mapping_rounds` ADD `reopen_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `mapping_rounds_one_open_uq` ON `mapping_rounds` (`status`) WHERE status = 'open';