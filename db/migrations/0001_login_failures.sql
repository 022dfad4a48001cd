CREATE TABLE `login_failures` (
	`email` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`last_failure_at` text NOT NULL
);
