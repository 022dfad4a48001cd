DROP INDEX `follow_up_actions_meeting_idx`;--> statement-breakpoint
CREATE INDEX `follow_up_actions_meeting_idx` ON `follow_up_actions` (`meeting_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `meeting_functions_count_idx` ON `meeting_functions` (`meeting_id`,`function`,`count`);--> statement-breakpoint
CREATE INDEX `meetings_report_idx` ON `meetings` (`date`,`status`,`format`,`material_used`,`material_id`,`example`,`forum_id`);