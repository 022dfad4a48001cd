CREATE TABLE `calendar_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_subscriptions_token_uq` ON `calendar_subscriptions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_subscriptions_user_idx` ON `calendar_subscriptions` (`user_id`);--> statement-breakpoint
CREATE TABLE `dialogue_material_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`material_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`material_id`) REFERENCES `dialogue_materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialogue_material_sections_title_uq` ON `dialogue_material_sections` (`material_id`,`title`);--> statement-breakpoint
CREATE TABLE `dialogue_materials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`published_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialogue_materials_name_version_uq` ON `dialogue_materials` (`name`,`version`);--> statement-breakpoint
CREATE TABLE `follow_up_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`municipality_code` text,
	`what` text NOT NULL,
	`assignee_user_id` integer,
	`assignee_function` text,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` text,
	`example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_up_actions_status_due_idx` ON `follow_up_actions` (`status`,`due_date`,`municipality_code`);--> statement-breakpoint
CREATE INDEX `follow_up_actions_assignee_idx` ON `follow_up_actions` (`assignee_user_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `follow_up_actions_meeting_idx` ON `follow_up_actions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `follow_up_actions_municipality_idx` ON `follow_up_actions` (`municipality_code`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `forum_members` (
	`forum_id` integer NOT NULL,
	`municipality_code` text NOT NULL,
	PRIMARY KEY(`forum_id`, `municipality_code`),
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `forum_members_municipality_idx` ON `forum_members` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `forums` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forums_name_uq` ON `forums` (`name`);--> statement-breakpoint
CREATE TABLE `meeting_functions` (
	`meeting_id` integer NOT NULL,
	`function` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `function`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_municipalities` (
	`meeting_id` integer NOT NULL,
	`municipality_code` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `municipality_code`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_municipalities_code_status_date_idx` ON `meeting_municipalities` (`municipality_code`,`status`,`date`);--> statement-breakpoint
CREATE TABLE `meeting_participants` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_participants_user_idx` ON `meeting_participants` (`user_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_sections` (
	`meeting_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `section_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `dialogue_material_sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`video_link` text DEFAULT '' NOT NULL,
	`format` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`postponed_to` text,
	`replaced_by` integer,
	`forum_id` integer,
	`agenda` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`next_step` text DEFAULT '' NOT NULL,
	`material_id` integer,
	`material_used` integer DEFAULT false NOT NULL,
	`planner_id` integer,
	`example` integer DEFAULT false NOT NULL,
	`import_key` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`material_id`) REFERENCES `dialogue_materials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`planner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date`,`start_time`);--> statement-breakpoint
CREATE INDEX `meetings_forum_status_date_idx` ON `meetings` (`forum_id`,`status`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_planner_idx` ON `meetings` (`planner_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_import_key_uq` ON `meetings` (`import_key`);