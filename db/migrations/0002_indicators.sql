CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_key` text NOT NULL,
	`period` text NOT NULL,
	`county_code` text,
	`place` text NOT NULL,
	`value` real NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`indicator_key`) REFERENCES `indicators`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicator_values_place_ck" CHECK("indicator_values"."place" = coalesce("indicator_values"."county_code", ''))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_key_period_place_uq` ON `indicator_values` (`indicator_key`,`period`,`place`);--> statement-breakpoint
CREATE INDEX `indicator_values_period_idx` ON `indicator_values` (`period`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`benefit` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
